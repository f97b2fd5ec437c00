import { MultiSelect, NativeSelect, NumberInput, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { withCurrent } from '@/lib/format';

/** The types a tenant-defined field can have: client card custom fields and intake form fields (CRM-02). */
export type TypedFieldType =
  'TEXT' | 'NUMBER' | 'DATE' | 'SELECT' | 'MULTI_SELECT' | 'BOOLEAN' | 'PHONE' | 'EMAIL';

export interface TypedField {
  key: string;
  label: string;
  type: TypedFieldType;
  required: boolean;
  options: string[];
}

/** What such an input holds while it is edited. */
export type TypedValue = string | number | boolean | string[];

/**
 * One input for a tenant-defined field, chosen by the field's type (CRM-02): the client card's custom
 * fields and intake forms share it. {@code name} is the path the server's field problems name.
 */
export function TypedValueInput({
  field,
  name,
  testId,
  value,
  onChange,
  error,
  readOnly = false,
}: {
  field: TypedField;
  name: string;
  testId: string;
  value: TypedValue | undefined;
  onChange: (value: TypedValue) => void;
  error?: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const common = {
    label: field.label,
    name,
    required: field.required,
    error,
    'data-testid': testId,
  };
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'NUMBER':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          onChange={(next) => onChange(next)}
        />
      );
    case 'BOOLEAN':
      return (
        <Switch
          label={field.label}
          name={name}
          error={error}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
          data-testid={common['data-testid']}
        />
      );
    case 'SELECT':
      return (
        <NativeSelect
          {...common}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          data={[
            { value: '', label: t('common.notChosen') },
            ...withCurrent(field.options, text || null).map((option) => ({ value: option, label: option })),
          ]}
        />
      );
    case 'MULTI_SELECT': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <MultiSelect
          {...common}
          value={chosen}
          onChange={onChange}
          data={[...new Set([...field.options, ...chosen])]}
          readOnly={readOnly}
          clearable={!readOnly}
          searchable
          comboboxProps={{ withinPortal: false }}
        />
      );
    }
    case 'DATE':
      return (
        <TextInput
          {...common}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          placeholder={t('common.datePlaceholder')}
          description={t('common.dateHint')}
          inputMode="numeric"
          autoComplete="off"
        />
      );
    case 'PHONE':
      return (
        <TextInput
          {...common}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          placeholder="+37369123456"
          inputMode="tel"
          autoComplete="off"
        />
      );
    case 'EMAIL':
      return (
        <TextInput
          {...common}
          type="email"
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          autoComplete="off"
        />
      );
    default:
      return <TextInput {...common} value={text} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
}
