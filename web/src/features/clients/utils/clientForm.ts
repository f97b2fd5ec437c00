// The client form's values, checks and request body (CRM-01, CRM-02, CRM-04). The checks mirror
// the server's; the server's own field errors (`phones[0].number`, `custom.<key>`) land on the
// same names.
import type { TFunction } from 'i18next';
import type { Errors } from '@/lib/form';
import { formatE164, isE164, normaliseE164 } from '@/lib/phone';
import {
  NAME_MAX,
  TEXT_MAX,
  type Client,
  type ClientFieldDefinition,
  type ClientInput,
  type CustomValue,
} from '../api/clients';

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** What an input holds while it is edited: NUMBER may be '' and DATE is text. */
export type CustomInputValue = string | number | boolean | string[];

export interface ClientValues {
  firstName: string;
  lastName: string;
  organisation: string;
  externalId: string;
  language: string;
  phones: { number: string; label: string }[];
  emails: { address: string; label: string }[];
  tags: string[];
  custom: Record<string, CustomInputValue>;
}

function emptyValue(field: ClientFieldDefinition): CustomInputValue {
  if (field.type === 'BOOLEAN') return false;
  if (field.type === 'MULTI_SELECT') return [];
  return '';
}

function inputValue(field: ClientFieldDefinition, value: CustomValue | undefined): CustomInputValue {
  if (value === null || value === undefined) return emptyValue(field);
  switch (field.type) {
    case 'BOOLEAN':
      return value === true || value === 'true';
    case 'MULTI_SELECT':
      return Array.isArray(value) ? value.map(String) : [String(value)];
    case 'NUMBER':
      return typeof value === 'number' ? value : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

export function clientValues(client: Client | null, fields: ClientFieldDefinition[]): ClientValues {
  return {
    firstName: client?.firstName ?? '',
    lastName: client?.lastName ?? '',
    organisation: client?.organisation ?? '',
    externalId: client?.externalId ?? '',
    language: client?.language ?? '',
    phones: (client?.phones ?? []).map((p) => ({ number: p.number, label: p.label ?? '' })),
    emails: (client?.emails ?? []).map((e) => ({ address: e.address, label: e.label ?? '' })),
    tags: client?.tags ?? [],
    custom: Object.fromEntries(fields.map((f) => [f.key, inputValue(f, client?.custom?.[f.key])])),
  };
}

function isEmpty(value: CustomInputValue | undefined): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'string') return value.trim() === '';
  return false;
}

/** The custom values as the API takes them; empty ones are left out. */
function customOutput(field: ClientFieldDefinition, value: CustomInputValue | undefined): CustomValue {
  if (field.type === 'BOOLEAN') return value === true;
  if (isEmpty(value)) return null;
  if (field.type === 'NUMBER') return Number(value);
  if (field.type === 'MULTI_SELECT') return value as string[];
  if (field.type === 'PHONE') return normaliseE164(String(value));
  return String(value).trim();
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const blankRow = (row: Record<string, string>) => Object.values(row).every((v) => !v.trim());

export function validateClient(v: ClientValues, fields: ClientFieldDefinition[], t: TFunction): Errors {
  const errors: Errors = {};
  const first = v.firstName.trim();
  const last = v.lastName.trim();
  const organisation = v.organisation.trim();
  const reachable = v.phones.some((p) => p.number.trim()) || v.emails.some((e) => e.address.trim());
  if (!first && !last && !organisation && !reachable) errors.lastName = t('clients.nameRequired');
  if (first.length > NAME_MAX) errors.firstName = t('validation.maxLength', { max: NAME_MAX });
  if (last.length > NAME_MAX) errors.lastName = t('validation.maxLength', { max: NAME_MAX });
  if (organisation.length > TEXT_MAX) errors.organisation = t('validation.maxLength', { max: TEXT_MAX });
  if (v.externalId.trim().length > NAME_MAX) errors.externalId = t('validation.maxLength', { max: NAME_MAX });

  const numbers = new Set<string>();
  v.phones.forEach((phone, i) => {
    if (blankRow(phone)) return;
    const number = normaliseE164(phone.number);
    if (!number) errors[`phones.${i}.number`] = t('validation.required');
    else if (!isE164(number)) errors[`phones.${i}.number`] = t('validation.e164');
    else if (numbers.has(number)) errors[`phones.${i}.number`] = t('clients.duplicatePhone');
    numbers.add(number);
  });
  const addresses = new Set<string>();
  v.emails.forEach((email, i) => {
    if (blankRow(email)) return;
    const address = email.address.trim().toLowerCase();
    if (!address) errors[`emails.${i}.address`] = t('validation.required');
    else if (!EMAIL_PATTERN.test(address)) errors[`emails.${i}.address`] = t('validation.email');
    else if (addresses.has(address)) errors[`emails.${i}.address`] = t('clients.duplicateEmail');
    addresses.add(address);
  });

  for (const field of fields) {
    const name = `custom.${field.key}`;
    const value = v.custom[field.key];
    if (isEmpty(value)) {
      if (field.required && field.type !== 'BOOLEAN') errors[name] = t('validation.required');
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (field.type === 'NUMBER' && !Number.isFinite(Number(value))) errors[name] = t('clients.invalidNumber');
    else if (field.type === 'DATE' && !isDate(text)) errors[name] = t('clients.invalidDate');
    else if (field.type === 'PHONE' && !isE164(normaliseE164(text))) errors[name] = t('validation.e164');
    else if (field.type === 'EMAIL' && !EMAIL_PATTERN.test(text)) errors[name] = t('validation.email');
    else if (field.type === 'SELECT' && !field.options.includes(text))
      errors[name] = t('clients.invalidOption');
    else if (['TEXT', 'PHONE', 'EMAIL'].includes(field.type) && text.length > TEXT_MAX)
      errors[name] = t('validation.maxLength', { max: TEXT_MAX });
  }
  return errors;
}

export function clientInput(v: ClientValues, fields: ClientFieldDefinition[], version?: number): ClientInput {
  const custom: Record<string, CustomValue> = {};
  for (const field of fields) {
    const value = customOutput(field, v.custom[field.key]);
    if (value !== null) custom[field.key] = value;
  }
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    organisation: v.organisation.trim(),
    externalId: v.externalId.trim(),
    language: v.language || null,
    phones: v.phones
      .filter((p) => !blankRow(p))
      .map((p) => ({ number: normaliseE164(p.number), label: p.label.trim() || null })),
    emails: v.emails
      .filter((e) => !blankRow(e))
      .map((e) => ({ address: e.address.trim(), label: e.label.trim() || null })),
    tags: v.tags.map((tag) => tag.trim()).filter(Boolean),
    custom,
    ...(version === undefined ? {} : { version }),
  };
}

/** "Ana Popescu", else the organisation, else the first phone or e-mail; '' when there is nothing. */
export function clientName(
  client: Pick<Client, 'firstName' | 'lastName' | 'organisation' | 'phones' | 'emails'>,
): string {
  const name = [client.firstName, client.lastName].filter(Boolean).join(' ').trim();
  return (
    name ||
    client.organisation ||
    (client.phones?.[0] ? formatE164(client.phones[0].number) : '') ||
    client.emails?.[0]?.address ||
    ''
  );
}
