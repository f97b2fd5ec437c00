import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { ErrorState, FormAlert, LoadingState } from '@/lib/ui/states';
import {
  EXTERNAL_ID,
  isLinkTemplate,
  previewLink,
  useCrmSettings,
  useSaveCrmSettings,
  type CrmSettings,
} from '../api/clientFields';

/** AGT-12: the URL template that turns a client's external id into a link to the tenant's CRM. */
export function CrmLinkSection() {
  const { t } = useTranslation();
  const settings = useCrmSettings();
  return (
    <Card withBorder padding="lg" mt="xl" maw={860} data-testid="crm-link-section">
      <Title order={3} size="h4">
        {t('clientFields.link.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('clientFields.link.subtitle')}
      </Text>
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <LinkForm key={settings.data.version} settings={settings.data} />
      )}
    </Card>
  );
}

function LinkForm({ settings }: { settings: CrmSettings }) {
  const { t } = useTranslation();
  const save = useSaveCrmSettings();
  const form = useForm<{ linkTemplate: string }>({ linkTemplate: settings.linkTemplate ?? '' }, (v) => {
    const errors: Errors = {};
    const template = v.linkTemplate.trim();
    if (template && !isLinkTemplate(template))
      errors.linkTemplate = t('clientFields.link.invalid', { placeholder: EXTERNAL_ID });
    else if (template.length > 1000) errors.linkTemplate = t('validation.maxLength', { max: 1000 });
    return errors;
  });
  const template = form.values.linkTemplate.trim();
  const preview = template && isLinkTemplate(template) ? previewLink(template) : null;

  const submit = form.onSubmit((v) =>
    save.mutate(
      { linkTemplate: v.linkTemplate.trim() || null, version: settings.version },
      {
        onSuccess: () => notifySuccess(t('clientFields.link.saved')),
        onError: (error) => {
          if (!form.applyProblem(error)) notifyError(error, t);
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate data-testid="crm-link-form">
      <Stack>
        <TextInput
          label={t('clientFields.link.template')}
          description={t('clientFields.link.templateHint', { placeholder: EXTERNAL_ID })}
          placeholder="https://crm.example.com/clients/{externalId}"
          autoComplete="off"
          {...form.text('linkTemplate')}
        />
        <div data-testid="crm-link-preview">
          <Text size="xs" c="dimmed">
            {t('clientFields.link.preview')}
          </Text>
          {preview ? (
            <Anchor
              href={preview}
              target="_blank"
              rel="noopener noreferrer"
              size="sm"
              style={{ wordBreak: 'break-all' }}
            >
              {preview}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {template ? t('clientFields.link.noPreview') : t('clientFields.link.none')}
            </Text>
          )}
        </div>
        <FormAlert messages={form.formErrors} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="crm-link-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
