import { ApiError } from '../../lib/api/client';
import { describeError } from '../../lib/errors';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const PROBLEM = 'urn:guanxi:problem:';

/** The `code` values of import-unreadable and import-undo-blocked problems (docs/import.md), each under imports.problem. */
export const IMPORT_PROBLEM_CODES = [
  'EMPTY',
  'NO_ROWS',
  'NOT_TABULAR',
  'BAD_ENCODING',
  'BROKEN_XLSX',
  'XLS_NOT_SUPPORTED',
  'TOO_MANY_ROWS',
  'TOO_WIDE',
  'TOO_LARGE',
  'UNDO_EXPIRED',
  'HAS_RECORDS',
  'CHANGED_SINCE',
] as const;

const KNOWN_CODES: readonly string[] = IMPORT_PROBLEM_CODES;

/**
 * What went wrong with an import call, in the user's language: the service's problem code where it sends one
 * (its `detail` is English, for integrators), else the app's common messages (describeError).
 */
export function describeImportError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const { type, code, state } = error.problem;
    if (
      (type === `${PROBLEM}import-unreadable` || type === `${PROBLEM}import-undo-blocked`) &&
      code &&
      KNOWN_CODES.includes(code)
    ) {
      return t(`imports.problem.${code}`);
    }
    if (error.status === 413) return t('imports.problem.FILE_TOO_LARGE');
    if (type === `${PROBLEM}too-many-requests`) {
      const minutes = Math.max(1, Math.ceil((error.problem.retryAfterSeconds ?? 60) / 60));
      return t('imports.problem.TOO_MANY_UPLOADS', { minutes });
    }
    if (type === `${PROBLEM}job-already-running`) return t('imports.problem.BUSY');
    if (type === `${PROBLEM}import-state` && state) {
      return t('imports.problem.STATE', { state: t(`imports.states.${state}`, { defaultValue: state }) });
    }
    if (error.status === 400 && error.problem.errors?.some((e) => e.field === 'fields' || e.field === 'mapping')) {
      return t('imports.problem.MAPPING');
    }
  }
  return describeError(error, t);
}
