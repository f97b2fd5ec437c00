import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import {
  FIELD_TYPES,
  FIELDS_MAX,
  TYPES_WITH_OPTIONS,
  useSaveForm,
  VISIBLE_ROLES,
  type FieldType,
  type IntakeForm,
} from '../api/forms';
import {
  blankField,
  formInput,
  formValues,
  validateForm,
  type FieldValues,
  type FormValues,
} from '../utils/formEditor';

/** CRM-02, CRM-06: design a form; every save that changes something makes its next version. */
export function FormEditorModal({
  form: editing,
  onClose,
}: {
  form: IntakeForm | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveForm();
  const form = useForm<FormValues>(formValues(editing), (v) => validateForm(v, t));
  const fields = form.values.fields;

  /** Field errors are named by position: a change to the list drops those that no longer fit. */
  const dropErrors = (match: (name: string) => boolean) => {
    const kept = Object.fromEntries(Object.entries(form.errors).filter(([name]) => !match(name)));
    if (Object.keys(kept).length !== Object.keys(form.errors).length) form.setErrors(kept);
  };

  const setFields = (next: FieldValues[]) => {
    form.setValues({ ...form.values, fields: next });
  };

  const change = <K extends keyof FieldValues>(index: number, name: K, value: FieldValues[K]) => {
    setFields(fields.map((field, i) => (i === index ? { ...field, [name]: value } : field)));
    dropErrors((error) => error === `fields.${index}.${name}` || error === 'fields');
  };

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= fields.length) return;
    const next = [...fields];
    [next[index], next[target]] = [next[target]!, next[index]!];
    setFields(next);
    dropErrors((error) => error.startsWith('fields'));
  };

  const remove = (index: number) => {
    setFields(fields.filter((_, i) => i !== index));
    dropErrors((error) => error.startsWith('fields'));
  };

  const add = () => {
    setFields([...fields, blankField()]);
    dropErrors((error) => error === 'fields');
  };

  const submit = form.onSubmit((v) =>
    save.mutate(
      { id: editing?.id, input: formInput(v, editing ? editing.version : undefined) },
      {
        onSuccess: () => {
          notifySuccess(t('forms.saved', { name: v.name.trim() }));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'form.name-taken': 'name' })) notifyError(error, t);
        },
      },
    ),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={editing ? t('forms.edit') : t('forms.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="form-editor">
        <Stack>
          <TextInput
            label={t('forms.name')}
            required
            autoComplete="off"
            data-autofocus
            {...form.text('name')}
          />
          <Textarea label={t('forms.description')} autosize minRows={2} {...form.text('description')} />
          <Switch
            label={t('forms.active')}
            description={t('forms.activeHint')}
            name="active"
            checked={form.values.active}
            onChange={(event) => form.setField('active', event.currentTarget.checked)}
            data-testid="form-active"
          />
          <Text fw={600}>{t('forms.fields')}</Text>
          {form.error('fields') ? (
            <Alert color="red" role="alert" data-testid="form-fields-error">
              {form.error('fields')}
            </Alert>
          ) : null}
          {fields.map((field, index) => (
            <FieldCard
              key={field.uid}
              field={field}
              index={index}
              count={fields.length}
              error={(name) => form.error(`fields.${index}.${name}`)}
              onChange={(name, value) => change(index, name, value)}
              onMove={(by) => move(index, by)}
              onRemove={() => remove(index)}
            />
          ))}
          <Group>
            <Button
              variant="light"
              onClick={add}
              disabled={fields.length >= FIELDS_MAX}
              data-testid="form-add-field"
            >
              {t('forms.addField')}
            </Button>
          </Group>
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="form-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function FieldCard({
  field,
  index,
  count,
  error,
  onChange,
  onMove,
  onRemove,
}: {
  field: FieldValues;
  index: number;
  count: number;
  error: (name: string) => string | undefined;
  onChange: <K extends keyof FieldValues>(name: K, value: FieldValues[K]) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const name = (part: string) => `fields.${index}.${part}`;
  // roles the server knows beyond the three offered stay visible, and can be unticked
  const roles = [
    ...VISIBLE_ROLES,
    ...field.visibleTo.filter((r) => !(VISIBLE_ROLES as readonly string[]).includes(r)),
  ];
  return (
    <Card withBorder p="sm" data-testid="form-field" data-key={field.key}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {t('forms.fieldN', { n })}
          </Text>
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              onClick={() => onMove(-1)}
              disabled={index === 0}
              aria-label={t('forms.moveUp', { n })}
              data-testid="form-field-up"
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              onClick={() => onMove(1)}
              disabled={index === count - 1}
              aria-label={t('forms.moveDown', { n })}
              data-testid="form-field-down"
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t('forms.removeField', { n })}
              data-testid="form-field-remove"
            >
              ×
            </ActionIcon>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('forms.key')}
            description={t('forms.keyHint')}
            required
            autoComplete="off"
            name={name('key')}
            value={field.key}
            onChange={(event) => onChange('key', event.currentTarget.value)}
            error={error('key')}
          />
          <TextInput
            label={t('forms.label')}
            required
            autoComplete="off"
            name={name('label')}
            value={field.label}
            onChange={(event) => onChange('label', event.currentTarget.value)}
            error={error('label')}
          />
          <NativeSelect
            label={t('forms.type')}
            name={name('type')}
            value={field.type}
            onChange={(event) => onChange('type', event.currentTarget.value as FieldType)}
            data={FIELD_TYPES.map((type) => ({ value: type, label: t(`forms.types.${type}`) }))}
            error={error('type')}
          />
        </SimpleGrid>
        {TYPES_WITH_OPTIONS.includes(field.type) ? (
          <TagsInput
            label={t('forms.options')}
            description={t('forms.optionsHint')}
            required
            name={name('options')}
            value={field.options}
            onChange={(options) => onChange('options', options)}
            error={error('options')}
            acceptValueOnBlur
            clearable
            data-testid="form-field-options"
          />
        ) : null}
        <Switch
          label={t('forms.required')}
          name={name('required')}
          checked={field.required}
          onChange={(event) => onChange('required', event.currentTarget.checked)}
        />
        <Checkbox.Group
          label={t('forms.visibleTo')}
          description={t('forms.visibleToHint')}
          value={field.visibleTo}
          onChange={(visibleTo) => onChange('visibleTo', visibleTo)}
          error={error('visibleTo')}
        >
          <Group mt={4}>
            {roles.map((role) => (
              <Checkbox
                key={role}
                value={role}
                label={t(`roles.${role}`, role)}
                data-testid={`form-field-role-${role}`}
              />
            ))}
          </Group>
        </Checkbox.Group>
      </Stack>
    </Card>
  );
}
