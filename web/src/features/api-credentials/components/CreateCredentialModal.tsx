import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { notifyError } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { NAME_MAX, SCOPES, useCreateApiCredential, type CreatedCredential } from '../api/apiCredentials';

interface Values {
  name: string;
  scopes: string[];
}

/** A new key for the tenant's own systems: a name and what it may do. */
export function CreateCredentialModal({
  onCreated,
  onClose,
}: {
  onCreated: (created: CreatedCredential) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateApiCredential();
  const form = useForm<Values>({ name: '', scopes: [] }, (v) => {
    const errors: Errors = {};
    const name = v.name.trim();
    if (!name) errors.name = t('validation.required');
    else if (name.length > NAME_MAX) errors.name = t('validation.maxLength', { max: NAME_MAX });
    if (v.scopes.length === 0) errors.scopes = t('apiCredentials.scopesRequired');
    return errors;
  });

  const submit = form.onSubmit((v) =>
    create.mutate(
      { name: v.name.trim(), scopes: SCOPES.filter((scope) => v.scopes.includes(scope)) },
      {
        onSuccess: (created) => onCreated(created),
        onError: (error) => {
          if (!form.applyProblem(error)) notifyError(error, t);
        },
      },
    ),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('apiCredentials.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="api-credential-form">
        <Stack>
          <TextInput
            label={t('apiCredentials.name')}
            description={t('apiCredentials.nameHint')}
            required
            autoComplete="off"
            data-autofocus
            {...form.text('name')}
          />
          <Checkbox.Group
            label={t('apiCredentials.scopes')}
            description={t('apiCredentials.scopesHint')}
            required
            value={form.values.scopes}
            onChange={(scopes) => form.setField('scopes', scopes)}
            error={form.error('scopes')}
          >
            <Stack gap="xs" mt="xs">
              {SCOPES.map((scope) => (
                <Checkbox
                  key={scope}
                  value={scope}
                  name="scopes"
                  label={t(`apiCredentials.scopeNames.${scope}`)}
                  description={
                    <Text span size="xs" ff="monospace" data-raw-code>
                      {scope}
                    </Text>
                  }
                  data-testid={`api-credential-scope-${scope}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="api-credential-save">
              {t('apiCredentials.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
