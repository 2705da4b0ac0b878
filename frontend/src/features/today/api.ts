import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type Today = components['schemas']['Today'];

export const todayQueries = {
  all: ['today'] as const,
  /** The whole working day in one request (a phone on a slow network makes one round trip). */
  day: () =>
    queryOptions({
      queryKey: [...todayQueries.all, 'day'],
      queryFn: () => unwrap(api.GET('/api/v1/today')),
      refetchInterval: 60_000,
    }),
};
