// An intake form's values while they are edited, and as the API takes them (CRM-02, CRM-06). The
// server checks every value (type, required, choices, formats) and names each problem `values.<key>`.
import { normaliseE164 } from '@/lib/phone';
import type { AnswerField, FormFieldDef, FormValue } from './api';

/** What an input holds: NUMBER may be '' while typed, DATE is text. */
export type InputValue = string | number | boolean | string[];

export function emptyInput(field: FormFieldDef): InputValue {
  if (field.type === 'BOOLEAN') return false;
  if (field.type === 'MULTI_SELECT') return [];
  return '';
}

export function inputValue(field: FormFieldDef, value: FormValue | null | undefined): InputValue {
  if (value === null || value === undefined) return emptyInput(field);
  switch (field.type) {
    case 'BOOLEAN':
      return value === true;
    case 'MULTI_SELECT':
      return Array.isArray(value) ? value.map(String) : [String(value)];
    case 'NUMBER':
      return typeof value === 'number' ? value : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** The value to send, or undefined to leave the field out (empty: the server clears it). */
export function outputValue(field: FormFieldDef, input: InputValue | undefined): FormValue | undefined {
  if (field.type === 'BOOLEAN') return input === true;
  if (input === undefined) return undefined;
  if (Array.isArray(input)) return input.length ? input : undefined;
  if (typeof input === 'number') return input;
  if (typeof input === 'boolean') return input;
  const text = input.trim();
  if (!text) return undefined;
  if (field.type === 'NUMBER') return Number.isFinite(Number(text)) ? Number(text) : text;
  if (field.type === 'PHONE') return normaliseE164(text) || text;
  return text;
}

/** The values of every field the reader may fill, for POST or PUT. */
export function outputValues(
  fields: FormFieldDef[],
  inputs: Record<string, InputValue>,
): Record<string, FormValue> {
  const values: Record<string, FormValue> = {};
  for (const field of fields) {
    const value = outputValue(field, inputs[field.key]);
    if (value !== undefined) values[field.key] = value;
  }
  return values;
}

export const byPosition = <T extends { position?: number }>(fields: T[]) =>
  [...fields].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));

/** A stored value as text, for the list of answers. */
export function displayValue(field: AnswerField, yes: string, no: string): string {
  const value = field.value;
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'boolean') return value ? yes : no;
  return String(value);
}
