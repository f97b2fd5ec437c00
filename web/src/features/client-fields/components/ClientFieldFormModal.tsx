import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import {
  FIELD_TYPES,
  KEY_PATTERN,
  LABEL_MAX,
  OPTION_MAX,
  OPTIONS_MAX,
  TYPES_WITH_OPTIONS,
  useSaveClientField,
  type ClientField,
  type FieldType,
} from '../api/clientFields';

interface Values {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string[];
  position: number | string;
}

/** CRM-02: define or change a custom field; its key is fixed once created. */
export function ClientFieldFormModal({
  field,
  nextPosition,
  onClose,
}: {
  field: ClientField | null;
  nextPosition: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveClientField();
  const form = useForm<Values>(
    {
      key: field?.key ?? '',
      label: field?.label ?? '',
      type: field?.type ?? 'TEXT',
      required: field?.required ?? false,
      options: field?.options ?? [],
      position: field?.position ?? nextPosition,
    },
    (v) => {
      const errors: Errors = {};
      if (!field) {
        if (!v.key.trim()) errors.key = t('validation.required');
        else if (!KEY_PATTERN.test(v.key.trim())) errors.key = t('clientFields.keyInvalid');
      }
      if (!v.label.trim()) errors.label = t('validation.required');
      else if (v.label.trim().length > LABEL_MAX)
        errors.label = t('validation.maxLength', { max: LABEL_MAX });
      if (TYPES_WITH_OPTIONS.includes(v.type)) {
        const options = v.options.map((o) => o.trim()).filter(Boolean);
        if (options.length === 0) errors.options = t('clientFields.optionsRequired');
        else if (options.length > OPTIONS_MAX)
          errors.options = t('clientFields.tooManyOptions', { max: OPTIONS_MAX });
        else if (options.some((o) => o.length > OPTION_MAX))
          errors.options = t('validation.maxLength', { max: OPTION_MAX });
      }
      if (v.position === '' || !Number.isInteger(Number(v.position)) || Number(v.position) < 0)
        errors.position = t('validation.range', { min: 0, max: 999 });
      return errors;
    },
  );
  const withOptions = TYPES_WITH_OPTIONS.includes(form.values.type);

  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: field?.id,
        input: {
          ...(field ? {} : { key: v.key.trim() }),
          label: v.label.trim(),
          type: v.type,
          required: v.required,
          options: TYPES_WITH_OPTIONS.includes(v.type)
            ? [...new Set(v.options.map((o) => o.trim()).filter(Boolean))]
            : [],
          position: Number(v.position),
          ...(field ? { version: field.version } : {}),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('clientFields.saved', { label: v.label.trim() }));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'client-field.key-taken': 'key' })) notifyError(error, t);
        },
      },
    ),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={field ? t('clientFields.edit') : t('clientFields.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="client-field-form">
        <Stack>
          <TextInput
            label={t('clientFields.key')}
            description={field ? t('clientFields.keyFixed') : t('clientFields.keyHint')}
            required={!field}
            readOnly={!!field}
            autoComplete="off"
            data-autofocus={field ? undefined : true}
            {...form.text('key')}
          />
          <TextInput
            label={t('clientFields.label')}
            required
            autoComplete="off"
            data-autofocus={field ? true : undefined}
            {...form.text('label')}
          />
          <NativeSelect
            label={t('clientFields.type')}
            {...form.text('type')}
            data={FIELD_TYPES.map((type) => ({ value: type, label: t(`clientFields.types.${type}`) }))}
          />
          {withOptions ? (
            <TagsInput
              label={t('clientFields.options')}
              description={t('clientFields.optionsHint')}
              required
              name="options"
              value={form.values.options}
              onChange={(options) => form.setField('options', options)}
              error={form.error('options')}
              acceptValueOnBlur
              clearable
              data-testid="client-field-options"
            />
          ) : null}
          <Switch
            label={t('clientFields.required')}
            description={t('clientFields.requiredHint')}
            name="required"
            checked={form.values.required}
            onChange={(event) => form.setField('required', event.currentTarget.checked)}
          />
          <NumberInput
            label={t('clientFields.position')}
            description={t('clientFields.positionHint')}
            name="position"
            min={0}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={form.values.position}
            onChange={(value) => form.setField('position', value)}
            error={form.error('position')}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="client-field-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
