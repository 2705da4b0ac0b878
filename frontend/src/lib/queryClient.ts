import { QueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { ApiError } from './api/client';
import { isServiceUnavailable } from './errors';

/*
 * Server state lives in TanStack Query. Each feature's api.ts holds its query options and mutation
 * hooks; components call them and keep only UI reactions (messages, closing a dialog).
 *
 * Query keys: [feature, resource, ...params], where feature is the folder under src/features (its
 * `xQueries.all`), resource names what is read, and params go from the broadest (an id) to the
 * narrowest (a page, filters as one object), so that invalidating a prefix refreshes exactly a
 * subtree: ['loyalty', 'accounts', contactId] also refreshes that account's statement pages.
 * A feature invalidates only its own keys; a change another feature shows is refreshed by the page
 * that composes both, through a callback (see CustomerValueCard's onChanged).
 */

/** Options a component may add to a feature's mutation hook (its UI reactions); the hook owns mutationFn. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MutationConfig<Fn extends (...args: any) => Promise<unknown>> = Omit<
  UseMutationOptions<Awaited<ReturnType<Fn>>, Error, Parameters<Fn>[0]>,
  'mutationFn'
>;

const UNAVAILABLE_RETRIES = 12;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors (404, 403 …) will not change on retry; network and server errors may. A database outage
        // (a restart, a failover) is retried for about a minute, waiting what the service asks between attempts.
        retry: (failureCount, error) =>
          isServiceUnavailable(error)
            ? failureCount < UNAVAILABLE_RETRIES
            : !(error instanceof ApiError && error.status < 500) && failureCount < 2,
        retryDelay: (failureCount, error) =>
          error instanceof ApiError && isServiceUnavailable(error)
            ? Math.min(30, Math.max(1, error.problem.retryAfterSeconds ?? 5)) * 1000
            : Math.min(1000 * 2 ** failureCount, 30_000),
        refetchOnWindowFocus: false,
      },
    },
  });
}
