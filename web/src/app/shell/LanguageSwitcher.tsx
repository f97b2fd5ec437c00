import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ENDONYMS, LANGUAGES } from '@/lib/i18n/languages';
import { useLanguage } from '@/lib/session/useLanguage';

/** I18N-01: the UI language is a per-user choice, saved on the person's profile. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { language, choose } = useLanguage();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="xs" data-testid="language-switcher" aria-label={t('shell.language')}>
          {language.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.language')}</Menu.Label>
        {LANGUAGES.map((code) => (
          <Menu.Item
            key={code}
            lang={code}
            data-testid={`language-option-${code}`}
            aria-current={code === language ? 'true' : undefined}
            leftSection={<Text w={12}>{code === language ? '✓' : ''}</Text>}
            onClick={() => void choose(code)}
          >
            {ENDONYMS[code]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
