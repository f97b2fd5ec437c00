import { TypedValueInput } from '@/lib/ui/TypedValueInput';
import type { ClientFieldDefinition } from '../api/clients';
import type { CustomInputValue } from '../utils/clientForm';

/** One input for a custom field (CRM-02), chosen by the field's type; its name is `custom.<key>`. */
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
  return (
    <TypedValueInput
      field={field}
      name={`custom.${field.key}`}
      testId={`client-custom-${field.key}`}
      value={value}
      onChange={onChange}
      error={error}
      readOnly={readOnly}
    />
  );
}
