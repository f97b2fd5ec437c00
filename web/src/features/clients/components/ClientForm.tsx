import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '@/lib/form';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { PlaceCallModal } from '@/lib/ui/PlaceCallModal';
import { ENDONYMS, LANGUAGES } from '@/lib/i18n/languages';
import { notifyError } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { useSaveClient, type Client, type ClientFieldDefinition } from '../api/clients';
import {
  clientInput,
  clientValues,
  validateClient,
  type ClientValues,
  type CustomInputValue,
} from '../utils/clientForm';
import { CustomFieldInput } from './CustomFieldInput';

/**
 * CRM-01, CRM-02, CRM-04: a client's details, custom fields included; read-only without
 * clients.manage. Used by the "Add client" modal and by the card's Details tab.
 */
export function ClientForm({
  client,
  fields,
  readOnly,
  onSaved,
  onCancel,
}: {
  client: Client | null;
  fields: ClientFieldDefinition[];
  readOnly: boolean;
  onSaved: (client: Client) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const mayCall = can(membership, 'calls.place');
  const [calling, setCalling] = useState<string | null>(null);
  const save = useSaveClient();
  const form = useForm<ClientValues>(clientValues(client, fields), (v) => validateClient(v, fields, t));
  const { values } = form;

  /** Changes a value inside a list or the custom fields, and forgets that input's error. */
  const setNested = <K extends 'phones' | 'emails' | 'custom'>(
    key: K,
    next: ClientValues[K],
    name: string,
  ) => {
    form.setField(key, next);
    if (form.errors[name]) {
      const rest = { ...form.errors };
      delete rest[name];
      form.setErrors(rest);
    }
  };

  const setPhone = (index: number, part: 'number' | 'label', value: string) =>
    setNested(
      'phones',
      values.phones.map((p, i) => (i === index ? { ...p, [part]: value } : p)),
      `phones.${index}.${part}`,
    );
  const setEmail = (index: number, part: 'address' | 'label', value: string) =>
    setNested(
      'emails',
      values.emails.map((e, i) => (i === index ? { ...e, [part]: value } : e)),
      `emails.${index}.${part}`,
    );
  const setCustom = (key: string, value: CustomInputValue) =>
    setNested('custom', { ...values.custom, [key]: value }, `custom.${key}`);

  // removing a row shifts the ones after it: their errors no longer fit, so they go
  const removeRow = (key: 'phones' | 'emails', index: number) => {
    const rows = values[key].filter((_, i) => i !== index);
    form.setField(key, rows as ClientValues[typeof key]);
    form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([n]) => !n.startsWith(`${key}.`))));
  };

  const submit = form.onSubmit((v) =>
    save.mutate(
      { id: client?.id, input: clientInput(v, fields, client?.version) },
      {
        onSuccess: (saved) => onSaved(saved),
        onError: (error) => {
          if (!form.applyProblem(error)) notifyError(error, t);
        },
      },
    ),
  );

  return (
    <>
      <form onSubmit={submit} noValidate data-testid="client-form">
        <Fieldset variant="unstyled" disabled={readOnly} p={0} m={0}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('clients.firstName')}
                autoComplete="off"
                data-autofocus
                {...form.text('firstName')}
              />
              <TextInput label={t('clients.lastName')} autoComplete="off" {...form.text('lastName')} />
              <TextInput
                label={t('clients.organisation')}
                autoComplete="off"
                {...form.text('organisation')}
              />
              <TextInput
                label={t('clients.externalId')}
                description={t('clients.externalIdHint')}
                autoComplete="off"
                {...form.text('externalId')}
              />
              <NativeSelect
                label={t('clients.language')}
                {...form.text('language')}
                data={[
                  { value: '', label: t('clients.notChosen') },
                  ...LANGUAGES.map((language) => ({ value: language, label: ENDONYMS[language] })),
                ]}
              />
            </SimpleGrid>

            <Fieldset legend={t('clients.phones')} data-testid="client-phones">
              <Stack gap="xs">
                {values.phones.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('clients.noPhones')}
                  </Text>
                ) : null}
                {values.phones.map((phone, index) => (
                  <Group key={index} align="flex-start" gap="xs" wrap="nowrap" data-testid="client-phone">
                    <TextInput
                      label={t('clients.phoneNumber')}
                      name={`phones.${index}.number`}
                      value={phone.number}
                      onChange={(event) => setPhone(index, 'number', event.currentTarget.value)}
                      error={form.error(`phones.${index}.number`)}
                      placeholder="+37369123456"
                      inputMode="tel"
                      autoComplete="off"
                      style={{ flex: 2 }}
                    />
                    <TextInput
                      label={t('clients.phoneLabel')}
                      name={`phones.${index}.label`}
                      value={phone.label}
                      onChange={(event) => setPhone(index, 'label', event.currentTarget.value)}
                      error={form.error(`phones.${index}.label`)}
                      placeholder={t('clients.phoneLabelPlaceholder')}
                      autoComplete="off"
                      style={{ flex: 1 }}
                    />
                    {mayCall && client?.phones.some((saved) => saved.number === phone.number) ? (
                      <Button
                        variant="light"
                        color="green"
                        mt={25}
                        onClick={() => setCalling(phone.number)}
                        aria-label={t('clients.callNumber', { number: phone.number })}
                        data-testid="client-call"
                      >
                        {t('clients.call')}
                      </Button>
                    ) : null}
                    {readOnly ? null : (
                      <Button
                        variant="subtle"
                        color="red"
                        mt={25}
                        onClick={() => removeRow('phones', index)}
                        aria-label={t('clients.removePhone', { index: index + 1 })}
                      >
                        {t('common.remove')}
                      </Button>
                    )}
                  </Group>
                ))}
                {readOnly ? null : (
                  <Group>
                    <Button
                      variant="light"
                      size="xs"
                      onClick={() => form.setField('phones', [...values.phones, { number: '', label: '' }])}
                      data-testid="client-add-phone"
                    >
                      {t('clients.addPhone')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Fieldset>

            <Fieldset legend={t('clients.emails')} data-testid="client-emails">
              <Stack gap="xs">
                {values.emails.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('clients.noEmails')}
                  </Text>
                ) : null}
                {values.emails.map((email, index) => (
                  <Group key={index} align="flex-start" gap="xs" wrap="nowrap" data-testid="client-email">
                    <TextInput
                      label={t('clients.emailAddress')}
                      name={`emails.${index}.address`}
                      type="email"
                      value={email.address}
                      onChange={(event) => setEmail(index, 'address', event.currentTarget.value)}
                      error={form.error(`emails.${index}.address`)}
                      autoComplete="off"
                      style={{ flex: 2 }}
                    />
                    <TextInput
                      label={t('clients.emailLabel')}
                      name={`emails.${index}.label`}
                      value={email.label}
                      onChange={(event) => setEmail(index, 'label', event.currentTarget.value)}
                      error={form.error(`emails.${index}.label`)}
                      placeholder={t('clients.emailLabelPlaceholder')}
                      autoComplete="off"
                      style={{ flex: 1 }}
                    />
                    {readOnly ? null : (
                      <Button
                        variant="subtle"
                        color="red"
                        mt={25}
                        onClick={() => removeRow('emails', index)}
                        aria-label={t('clients.removeEmail', { index: index + 1 })}
                      >
                        {t('common.remove')}
                      </Button>
                    )}
                  </Group>
                ))}
                {readOnly ? null : (
                  <Group>
                    <Button
                      variant="light"
                      size="xs"
                      onClick={() => form.setField('emails', [...values.emails, { address: '', label: '' }])}
                      data-testid="client-add-email"
                    >
                      {t('clients.addEmail')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Fieldset>

            <TagsInput
              label={t('clients.tags')}
              description={readOnly ? undefined : t('clients.tagsHint')}
              name="tags"
              value={values.tags}
              onChange={(tags) => form.setField('tags', tags)}
              error={form.error('tags')}
              readOnly={readOnly}
              clearable={!readOnly}
              splitChars={[',']}
              acceptValueOnBlur
              data-testid="client-tags"
            />

            {fields.length > 0 ? (
              <Fieldset legend={t('clients.customFields')} data-testid="client-custom">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {fields.map((field) => (
                    <CustomFieldInput
                      key={field.id}
                      field={field}
                      value={values.custom[field.key]}
                      onChange={(value) => setCustom(field.key, value)}
                      error={form.error(`custom.${field.key}`)}
                      readOnly={readOnly}
                    />
                  ))}
                </SimpleGrid>
              </Fieldset>
            ) : null}
          </Stack>
        </Fieldset>

        {readOnly ? null : (
          <Stack mt="md">
            <FormAlert messages={form.formErrors} />
            <Group justify="flex-end">
              {onCancel ? (
                <Button variant="default" onClick={onCancel}>
                  {t('common.cancel')}
                </Button>
              ) : null}
              <Button type="submit" loading={save.isPending} data-testid="client-save">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        )}
      </form>
      {/* outside the form: the call's own form must not submit the card */}
      {calling ? <PlaceCallModal initialTo={calling} onClose={() => setCalling(null)} /> : null}
    </>
  );
}
