// The form designer's values, checks and request body (CRM-02, CRM-06). The checks mirror the
// server's; its own field errors (`fields[2].key`) land on the same names.
import type { TFunction } from 'i18next';
import type { Errors } from '@/lib/form';
import {
  DESCRIPTION_MAX,
  FIELDS_MAX,
  KEY_PATTERN,
  LABEL_MAX,
  NAME_MAX,
  OPTION_MAX,
  OPTIONS_MAX,
  TYPES_WITH_OPTIONS,
  type FieldType,
  type FormInput,
  type IntakeForm,
} from '../api/forms';

export interface FieldValues {
  /** a stable React key while fields move */
  uid: number;
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string[];
  visibleTo: string[];
}

export interface FormValues {
  name: string;
  description: string;
  active: boolean;
  fields: FieldValues[];
}

let nextUid = 1;

export function blankField(): FieldValues {
  return { uid: nextUid++, key: '', label: '', type: 'TEXT', required: false, options: [], visibleTo: [] };
}

export function formValues(form: IntakeForm | null): FormValues {
  if (!form) return { name: '', description: '', active: true, fields: [blankField()] };
  return {
    name: form.name,
    description: form.description ?? '',
    active: form.active,
    fields: [...form.fields]
      .sort((a, b) => a.position - b.position)
      .map((f) => ({
        uid: nextUid++,
        key: f.key,
        label: f.label,
        type: f.type,
        required: f.required,
        options: f.options ?? [],
        visibleTo: f.visibleTo ?? [],
      })),
  };
}

const cleanOptions = (options: string[]) => [...new Set(options.map((o) => o.trim()).filter(Boolean))];

export function validateForm(v: FormValues, t: TFunction): Errors {
  const errors: Errors = {};
  const name = v.name.trim();
  if (!name) errors.name = t('validation.required');
  else if (name.length > NAME_MAX) errors.name = t('validation.maxLength', { max: NAME_MAX });
  if (v.description.trim().length > DESCRIPTION_MAX)
    errors.description = t('validation.maxLength', { max: DESCRIPTION_MAX });
  if (v.fields.length === 0) errors.fields = t('forms.fieldsRequired');
  else if (v.fields.length > FIELDS_MAX) errors.fields = t('forms.tooManyFields', { max: FIELDS_MAX });
  const keys = new Set<string>();
  v.fields.forEach((field, i) => {
    const key = field.key.trim();
    if (!key) errors[`fields.${i}.key`] = t('validation.required');
    else if (!KEY_PATTERN.test(key)) errors[`fields.${i}.key`] = t('forms.keyInvalid');
    else if (keys.has(key)) errors[`fields.${i}.key`] = t('forms.keyTaken');
    keys.add(key);
    const label = field.label.trim();
    if (!label) errors[`fields.${i}.label`] = t('validation.required');
    else if (label.length > LABEL_MAX)
      errors[`fields.${i}.label`] = t('validation.maxLength', { max: LABEL_MAX });
    if (TYPES_WITH_OPTIONS.includes(field.type)) {
      const options = cleanOptions(field.options);
      if (options.length === 0) errors[`fields.${i}.options`] = t('forms.optionsRequired');
      else if (options.length > OPTIONS_MAX)
        errors[`fields.${i}.options`] = t('forms.tooManyOptions', { max: OPTIONS_MAX });
      else if (options.some((o) => o.length > OPTION_MAX))
        errors[`fields.${i}.options`] = t('validation.maxLength', { max: OPTION_MAX });
    }
  });
  return errors;
}

/** The body of POST/PUT /api/cc/forms: the fields in the order shown, numbered from 0. */
export function formInput(v: FormValues, version?: number): FormInput {
  const description = v.description.trim();
  return {
    name: v.name.trim(),
    description: description || null,
    active: v.active,
    fields: v.fields.map((field, position) => ({
      key: field.key.trim(),
      label: field.label.trim(),
      type: field.type,
      required: field.required,
      options: TYPES_WITH_OPTIONS.includes(field.type) ? cleanOptions(field.options) : [],
      position,
      visibleTo: field.visibleTo,
    })),
    ...(version === undefined ? {} : { version }),
  };
}
