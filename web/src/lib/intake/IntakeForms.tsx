import { Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm, type FormState } from '@/lib/form';
import { formatDateTime } from '@/lib/format';
import { useSession, useTenantId } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { ErrorState, FormAlert, LoadingState } from '@/lib/ui/states';
import {
  useActiveForms,
  useEditAnswer,
  useFillForm,
  useInteractionAnswers,
  type ActiveForm,
  type AnswerField,
  type FormAnswer,
  type FormFieldDef,
  type FormValue,
} from './api';
import { FormValueInput } from './FormValueInput';
import { byPosition, displayValue, inputValue, outputValues, type InputValue } from './formValues';

/**
 * CRM-02, CRM-06: the intake forms filled for this call, and filling one (clients.manage), in `tenantId`
 * (the call's own; the active tenant when not given); a form filled here belongs to `clientId` when given.
 * `compact` lays it out for the softphone's panel.
 */
export function IntakeForms({
  interactionId,
  tenantId,
  clientId = null,
  compact = false,
}: {
  interactionId: string;
  tenantId?: string;
  clientId?: string | null;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const active = useTenantId();
  const tenant = tenantId ?? active;
  const manage = can(
    me.memberships.find((m) => m.tenantId === tenant),
    'clients.manage',
  );
  const answers = useInteractionAnswers(tenant, interactionId);
  const forms = useActiveForms(tenant, manage);
  const fill = useFillForm(tenant, interactionId);
  const titleId = useId();
  const [formId, setFormId] = useState('');
  const [filling, setFilling] = useState<ActiveForm | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const available = forms.data ?? [];
  let list;
  if (answers.isPending) list = <LoadingState />;
  else if (answers.isError)
    list = <ErrorState error={answers.error} onRetry={() => void answers.refetch()} />;
  else if (answers.data.items.length === 0)
    list = (
      <Text size="sm" c="dimmed" data-testid="answers-empty">
        {t('forms.fill.noAnswers')}
      </Text>
    );
  else
    list = (
      <Stack gap="sm" data-testid="answers-list">
        {answers.data.items.map((answer) =>
          editing === answer.id ? (
            <EditAnswer
              key={answer.id}
              tenantId={tenant}
              interactionId={interactionId}
              answer={answer}
              onDone={() => setEditing(null)}
            />
          ) : (
            <AnswerCard
              key={answer.id}
              answer={answer}
              compact={compact}
              onEdit={manage && !editing && !filling ? () => setEditing(answer.id) : undefined}
            />
          ),
        )}
      </Stack>
    );

  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId} data-testid="interaction-forms">
      <Title order={compact ? 6 : 4} id={titleId}>
        {t('forms.fill.title')}
      </Title>
      {manage && !filling ? (
        available.length === 0 && forms.isSuccess ? (
          <Text size="sm" c="dimmed" data-testid="fill-form-none">
            {t('forms.fill.noForms')}
          </Text>
        ) : (
          <Group align="flex-end" wrap={compact ? 'wrap' : 'nowrap'} gap="xs">
            <NativeSelect
              label={t('forms.fill.choose')}
              value={formId}
              onChange={(event) => setFormId(event.currentTarget.value)}
              data={[
                { value: '', label: t('forms.fill.choosePlaceholder') },
                ...available.map((form) => ({ value: form.id, label: form.name })),
              ]}
              disabled={!forms.isSuccess || !!editing}
              style={{ flex: 1 }}
              data-testid="fill-form-select"
            />
            <Button
              variant="light"
              disabled={!formId || !!editing}
              onClick={() => setFilling(available.find((form) => form.id === formId) ?? null)}
              data-testid="fill-form-open"
            >
              {t('forms.fill.open')}
            </Button>
          </Group>
        )
      ) : null}
      {filling ? (
        <AnswerEditor
          title={filling.name}
          description={filling.description}
          fields={byPosition(filling.fields)}
          hidden={[]}
          initial={{}}
          saving={fill.isPending}
          onCancel={() => setFilling(null)}
          onSave={(values, form) =>
            fill.mutate(
              { formId: filling.id, values, ...(clientId ? { clientId } : {}) },
              {
                onSuccess: () => {
                  notifySuccess(t('forms.fill.saved', { name: filling.name }));
                  setFilling(null);
                  setFormId('');
                },
                onError: (error) => {
                  if (!form.applyProblem(error)) notifyError(error, t);
                },
              },
            )
          }
        />
      ) : null}
      {list}
    </Stack>
  );
}

type ValuesForm = FormState<{ values: Record<string, InputValue> }>;

/** The inputs of a form; hidden fields are listed without a value and never sent. */
function AnswerEditor({
  title,
  description,
  fields,
  hidden,
  initial,
  saving,
  onSave,
  onCancel,
}: {
  title: string;
  description?: string | null;
  fields: FormFieldDef[];
  hidden: AnswerField[];
  initial: Record<string, InputValue>;
  saving: boolean;
  onSave: (values: Record<string, FormValue>, form: ValuesForm) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<{ values: Record<string, InputValue> }>({
    values: Object.fromEntries(
      fields.map((field) => [field.key, inputValue(field, undefined)]).concat(Object.entries(initial)),
    ),
  });

  const change = (key: string, value: InputValue) => {
    form.setValues({ values: { ...form.values.values, [key]: value } });
    const name = `values.${key}`;
    if (form.errors[name]) {
      const rest = { ...form.errors };
      delete rest[name];
      form.setErrors(rest);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(outputValues(fields, form.values.values), form);
  };

  return (
    <Card withBorder p="sm">
      <form onSubmit={submit} noValidate data-testid="answer-form">
        <Stack gap="sm">
          <div>
            <Text fw={600}>{title}</Text>
            {description ? (
              <Text size="xs" c="dimmed">
                {description}
              </Text>
            ) : null}
          </div>
          {fields.map((field) => (
            <FormValueInput
              key={field.key}
              field={field}
              value={form.values.values[field.key]}
              onChange={(value) => change(field.key, value)}
              error={form.error(`values.${field.key}`)}
            />
          ))}
          {hidden.map((field) => (
            <div key={field.key}>
              <Text size="sm" fw={500}>
                {field.label}
              </Text>
              <HiddenBadge />
            </div>
          ))}
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="answer-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function HiddenBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant="light"
      color="gray"
      title={t('forms.fill.hiddenHint')}
      data-testid="answer-hidden"
    >
      {t('forms.fill.hidden')}
    </Badge>
  );
}

function EditAnswer({
  tenantId,
  interactionId,
  answer,
  onDone,
}: {
  tenantId: string | null;
  interactionId: string;
  answer: FormAnswer;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const edit = useEditAnswer(tenantId, interactionId);
  const fields = byPosition(answer.fields);
  const visible = fields.filter((field) => !field.hidden);
  return (
    <AnswerEditor
      title={answer.formName}
      fields={visible}
      hidden={fields.filter((field) => field.hidden)}
      initial={Object.fromEntries(visible.map((field) => [field.key, inputValue(field, field.value)]))}
      saving={edit.isPending}
      onCancel={onDone}
      onSave={(values, form) =>
        edit.mutate(
          {
            id: answer.id,
            body: {
              values,
              ...(answer.clientId ? { clientId: answer.clientId } : {}),
              version: answer.version,
            },
          },
          {
            onSuccess: () => {
              notifySuccess(t('forms.fill.edited', { name: answer.formName }));
              onDone();
            },
            onError: (error) => {
              if (!form.applyProblem(error)) notifyError(error, t);
            },
          },
        )
      }
    />
  );
}

function AnswerCard({
  answer,
  compact,
  onEdit,
}: {
  answer: FormAnswer;
  compact: boolean;
  onEdit?: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const who = (id: string | null, name: string | null) =>
    name || (id && id === me.id ? t('forms.fill.you') : null) || '—';
  const edited = answer.version > 0 && answer.updatedAt !== answer.createdAt;
  return (
    <Card withBorder p="sm" data-testid="answer" data-id={answer.id}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text fw={600}>{answer.formName}</Text>
            <Text size="xs" c="dimmed">
              {t('forms.fill.byline', {
                author: who(answer.createdBy, answer.createdByName),
                time: formatDateTime(answer.createdAt),
              })}
              {edited
                ? ` · ${t('forms.fill.editedBy', {
                    author: who(answer.updatedBy, answer.updatedByName),
                    time: formatDateTime(answer.updatedAt),
                  })}`
                : ''}
            </Text>
          </div>
          {onEdit ? (
            <Button size="xs" variant="light" onClick={onEdit} data-testid="answer-edit">
              {t('common.edit')}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={compact ? 1 : 2} spacing="xs" verticalSpacing="xs">
          {byPosition(answer.fields).map((field) => (
            <div key={field.key} data-testid="answer-field" data-key={field.key}>
              <Text size="xs" c="dimmed">
                {field.label}
              </Text>
              {field.hidden ? (
                <HiddenBadge />
              ) : (
                <Text size="sm">{displayValue(field, t('forms.fill.yes'), t('forms.fill.no'))}</Text>
              )}
            </div>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
