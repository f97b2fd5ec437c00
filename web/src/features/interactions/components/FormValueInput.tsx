import { MultiSelect, NativeSelect, NumberInput, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { withCurrent } from '@/lib/format';
import type { FormFieldDef } from '../api/crm';
import type { InputValue } from '../utils/formValues';

/**
 * One input for an intake form field (CRM-02), chosen by its type as on the client card. Its name
 * is `values.<key>`, the path the server's field problems name.
 */
export function FormValueInput({
  field,
  value,
  onChange,
  error,
}: {
  field: FormFieldDef;
  value: InputValue | undefined;
  onChange: (value: InputValue) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const name = `values.${field.key}`;
  const common = {
    label: field.label,
    name,
    required: field.required,
    error,
    'data-testid': `form-value-${field.key}`,
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
            { value: '', label: t('forms.fill.notChosen') },
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
          clearable
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
          placeholder={t('forms.fill.datePlaceholder')}
          description={t('forms.fill.dateHint')}
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
