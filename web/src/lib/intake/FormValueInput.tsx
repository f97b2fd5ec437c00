import { TypedValueInput } from '@/lib/ui/TypedValueInput';
import type { FormFieldDef } from './api';
import type { InputValue } from './formValues';

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
  return (
    <TypedValueInput
      field={field}
      name={`values.${field.key}`}
      testId={`form-value-${field.key}`}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
