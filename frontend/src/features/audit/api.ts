import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components, operations } from '../../lib/api/schema';

export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditAction = components['schemas']['AuditAction'];
export type AuditVerification = components['schemas']['AuditVerification'];
export type AuditFilters = NonNullable<operations['listAuditEntries']['parameters']['query']>;

/** Every action the trail records, in the order the filter offers them (checked against the contract by tsc). */
export const AUDIT_ACTIONS = [
  'READ_PROFILE',
  'REVEAL',
  'EXPORT',
  'CREATE',
  'UPDATE',
  'DELETE',
  'ANONYMISE',
  'CONSENT_GRANTED',
  'CONSENT_WITHDRAWN',
  'PRIVACY_REQUEST',
  'RETENTION',
  'MERGE',
  'MERGE_UNDONE',
] satisfies AuditAction[];

export const auditQueries = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) =>
    queryOptions({
      queryKey: [...auditQueries.all, 'list', filters],
      queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query: filters } })),
      placeholderData: keepPreviousData,
    }),
  /** Everyone who can act, for the user filter. */
  users: () =>
    queryOptions({
      queryKey: [...auditQueries.all, 'users'],
      queryFn: async () => {
        const users = await unwrap(api.GET('/api/v1/users', { params: { query: { size: 200 } } }));
        return users.items.map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }));
      },
      staleTime: 5 * 60_000,
    }),
};

export function verifyAuditTrail() {
  return unwrap(api.GET('/api/v1/audit/verify'));
}
