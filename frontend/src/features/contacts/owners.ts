import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

/** People who can own contacts (for managers' owner filter and reassignment). */
export const ownerQueries = {
  all: () =>
    queryOptions({
      queryKey: ['owners'],
      queryFn: async () => {
        const [reps, managers] = await Promise.all([
          unwrap(api.GET('/api/v1/users', { params: { query: { role: 'SALES_REP', active: true, size: 200 } } })),
          unwrap(api.GET('/api/v1/users', { params: { query: { role: 'MANAGER', active: true, size: 200 } } })),
        ]);
        return [...reps.items, ...managers.items].map((user) => ({ value: user.id, label: user.displayName }));
      },
      staleTime: 5 * 60_000,
    }),
};
