import { MultiSelect, NativeSelect, NumberInput, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { withCurrent } from '@/lib/format';
import type { ClientFieldDefinition } from '../api/clients';
import type { CustomInputValue } from '../utils/clientForm';

/** One input for a custom field (CRM-02), chosen by the field's type. */
export function CustomFieldInput({
  field,
  value,
  onChange,
  error,
  readOnly,
}: {
  field: ClientFieldDefinition;
  value: CustomInputValue | undefined;
  onChange: (value: CustomInputValue) => void;
  error?: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const name = `custom.${field.key}`;
  const common = {
    label: field.label,
    name,
    required: field.required,
    error,
    'data-testid': `client-custom-${field.key}`,
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
            { value: '', label: t('clients.notChosen') },
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
          placeholder={t('clients.datePlaceholder')}
          description={t('clients.dateHint')}
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
