import type { FormInstance } from 'antd';
import { ApiError } from './api/client';

/**
 * Puts the service's validation messages on the form fields they name. Returns true when the error
 * was a validation problem about fields of this form, shown that way.
 */
export function showFieldErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.problem.errors?.length) return false;
  const fields = error.problem.errors
    .map((fieldError) => ({
      name: (fieldError.field ?? '').replace(/\[\d+\]$/, ''),
      errors: [fieldError.message ?? ''],
    }))
    .filter((field) => fieldNames.includes(field.name));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

/**
 * The form's values when every field is valid, otherwise undefined (the fields show their errors).
 * `validateFields()` rejects when a field is invalid; awaited bare in a click handler that rejection
 * escapes as an uncaught error on every failed submit.
 */
export async function validValues<T>(
  form: FormInstance<T>,
  fields?: Parameters<FormInstance<T>['validateFields']>[0],
): Promise<T | undefined> {
  try {
    return (await (fields ? form.validateFields(fields) : form.validateFields())) as T;
  } catch (error) {
    if (error && typeof error === 'object' && 'errorFields' in error) return undefined;
    throw error;
  }
}
