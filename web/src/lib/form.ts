// A small form state hook: client-side validation plus the server's problem-detail field errors,
// both shown inline next to the field (the @mantine/form release matching core 9.7.4 is not on
// the registry here, and this is all the app needs).
import { useCallback, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { isApiError } from './api/client';

export type Errors = Record<string, string>;

export interface FormState<T extends object> {
  values: T;
  errors: Errors;
  /** Messages the form shows above its buttons: a server detail, or errors for fields it does not render. */
  formErrors: string[];
  setField: <K extends keyof T>(name: K, value: T[K]) => void;
  setValues: (values: T) => void;
  setErrors: (errors: Errors) => void;
  error: (name: string) => string | undefined;
  /** Props for TextInput, PasswordInput, Textarea, NativeSelect. */
  text: (name: keyof T & string) => {
    name: string;
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
    error?: string;
  };
  onSubmit: (handler: (values: T) => void) => (event?: FormEvent) => void;
  /**
   * Shows a failed request's field errors inline (next to their field, or above the buttons for
   * fields the form does not render). Returns false when the problem had no field errors, so the
   * caller shows it as a notification instead.
   */
  applyProblem: (error: unknown, codeToField?: Record<string, string>) => boolean;
  reset: (values?: T) => void;
}

export function useForm<T extends object>(initial: T, validate?: (values: T) => Errors): FormState<T> {
  const [values, setValuesState] = useState<T>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const formRef = useRef<{ initial: T }>({ initial });

  const setField = useCallback(<K extends keyof T>(name: K, value: T[K]) => {
    setValuesState((prev) => ({ ...prev, [name]: value }));
    setErrors((prev) => {
      if (!((name as string) in prev)) return prev;
      const next = { ...prev };
      delete next[name as string];
      return next;
    });
  }, []);

  const text: FormState<T>['text'] = (name) => ({
    name,
    value: String((values as Record<string, unknown>)[name] ?? ''),
    onChange: (event) => setField(name, event.currentTarget.value as T[typeof name]),
    error: errors[name],
  });

  const onSubmit: FormState<T>['onSubmit'] = (handler) => (event) => {
    event?.preventDefault();
    const found = validate ? validate(values) : {};
    setErrors(found);
    setFormErrors([]);
    const first = Object.keys(found)[0];
    if (first) {
      focusField(event, first);
      return;
    }
    handler(values);
  };

  const applyProblem: FormState<T>['applyProblem'] = (error, codeToField = {}) => {
    if (!isApiError(error)) return false;
    const known = new Set(Object.keys(formRef.current.initial));
    const inline: Errors = {};
    const leftovers: string[] = [];
    for (const fieldError of error.fieldErrors) {
      // `holidays[0].date` and `holidays.0.date` name the same input
      const field = fieldError.field.replace(/\[(\d+)\]/g, '.$1');
      const root = field.split(/[.[]/)[0] ?? field;
      if (known.has(field) || known.has(root)) inline[field] = fieldError.message;
      else leftovers.push(fieldError.message);
    }
    const mapped = codeToField[error.code];
    if (mapped && !inline[mapped]) inline[mapped] = error.detail ?? error.message;
    setErrors(inline);
    setFormErrors(leftovers);
    return Object.keys(inline).length > 0 || leftovers.length > 0;
  };

  const reset = (next?: T) => {
    formRef.current.initial = next ?? formRef.current.initial;
    setValuesState(next ?? formRef.current.initial);
    setErrors({});
    setFormErrors([]);
  };

  return {
    values,
    errors,
    formErrors,
    setField,
    setValues: setValuesState,
    setErrors,
    error: (name) => errors[name],
    text,
    onSubmit,
    applyProblem,
    reset,
  };
}

function focusField(event: FormEvent | undefined, name: string) {
  const form = event?.currentTarget instanceof HTMLFormElement ? event.currentTarget : null;
  const target = form?.querySelector<HTMLElement>(`[name="${name.replace(/"/g, '\\"')}"]`);
  target?.focus();
}
