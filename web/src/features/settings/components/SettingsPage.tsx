import { Button, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { timeZones, withCurrent } from '@/lib/format';
import { ENDONYMS, LANGUAGES } from '@/lib/i18n/languages';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { ErrorState, FormAlert, LoadingState } from '@/lib/ui/states';
import { useSaveSettings, useSettings, type TenantSettings } from '../api/settings';

/** TEN-04, I18N-01: the tenant's name, time zone and languages. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.subtitle')} />
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </>
  );
}

function SettingsForm({ settings }: { settings: TenantSettings }) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const readOnly = !can(membership, 'settings.manage');
  const save = useSaveSettings();
  const form = useForm<TenantSettings>(
    { ...settings, enabledLanguages: settings.enabledLanguages ?? [settings.defaultLanguage] },
    (v) => {
      const errors: Errors = {};
      if (!v.displayName.trim()) errors.displayName = t('validation.required');
      if (v.enabledLanguages.length === 0) errors.enabledLanguages = t('settings.languageRequired');
      else if (!v.enabledLanguages.includes(v.defaultLanguage))
        errors.defaultLanguage = t('settings.defaultMustBeEnabled');
      return errors;
    },
  );

  const submit = form.onSubmit((v) =>
    save.mutate(
      { ...v, displayName: v.displayName.trim() },
      {
        onSuccess: () => notifySuccess(t('settings.saved')),
        onError: (error) => {
          if (!form.applyProblem(error)) notifyError(error, t);
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate data-testid="settings-form">
      <Stack maw={560}>
        <TextInput
          label={t('settings.displayName')}
          required
          disabled={readOnly}
          {...form.text('displayName')}
        />
        <NativeSelect
          label={t('settings.timeZone')}
          disabled={readOnly}
          {...form.text('timeZone')}
          data={withCurrent(timeZones(), form.values.timeZone)}
        />
        <NativeSelect
          label={t('settings.defaultLanguage')}
          disabled={readOnly}
          {...form.text('defaultLanguage')}
          data={LANGUAGES.map((code) => ({ value: code, label: ENDONYMS[code] }))}
        />
        <Checkbox.Group
          label={t('settings.enabledLanguages')}
          description={t('settings.enabledLanguagesHint')}
          value={form.values.enabledLanguages}
          onChange={(value) => form.setField('enabledLanguages', value)}
          error={form.error('enabledLanguages')}
        >
          <Group mt="xs">
            {LANGUAGES.map((code) => (
              <Checkbox
                key={code}
                value={code}
                name="enabledLanguages"
                lang={code}
                label={ENDONYMS[code]}
                disabled={readOnly}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <FormAlert messages={form.formErrors} />
        {readOnly ? null : (
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="settings-save">
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
