import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { notifyError } from '../ui/notify';
import { meQueryKey, saveLocale } from './me';
import type { Me } from './types';

/** I18N-01: switches the UI at once and saves the choice on the person's profile. */
export function useLanguage(): { language: Language; choose: (language: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const choose = async (next: Language) => {
    await changeLanguage(next);
    try {
      await saveLocale(next);
      queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, locale: next } : me));
    } catch (error) {
      notifyError(error, i18n.t);
    }
  };
  return { language: currentLanguage(), choose };
}
