import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import type { MutationConfig } from '../../lib/queryClient';

export type WinbackPlan = components['schemas']['WinbackPlan'];
export type WinbackPlanRequest = components['schemas']['WinbackPlanRequest'];
export type WinbackActRequest = components['schemas']['WinbackActRequest'];
export type WinbackTarget = components['schemas']['WinbackTarget'];
export type WinbackState = WinbackPlan['state'];
export type WinbackAction = components['schemas']['WinbackAction'];
export type WinbackOutcome = NonNullable<WinbackTarget['outcome']>;

/** The board's columns, in PDCA order. */
export const BOARD_STATES: WinbackState[] = ['PLAN', 'DO', 'CHECK', 'ACT'];
export const OUTCOMES: WinbackOutcome[] = ['REACHED', 'BOOKED', 'NO_ANSWER', 'DECLINED'];

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const winbackQueries = {
  all: ['winback'] as const,
  plans: (state?: WinbackState) =>
    queryOptions({
      queryKey: [...winbackQueries.all, 'plans', { state }],
      queryFn: () =>
        unwrap(api.GET('/api/v1/winback-plans', { params: { query: { state, size: 100, sort: 'checkDate,asc' } } })),
    }),
  plan: (id: string) =>
    queryOptions({
      queryKey: [...winbackQueries.all, 'plan', id],
      queryFn: () => unwrap(api.GET('/api/v1/winback-plans/{id}', { params: { path: { id } } })),
    }),
  targets: (id: string, page: number) =>
    queryOptions({
      queryKey: [...winbackQueries.all, 'plan', id, 'targets', { page }],
      queryFn: () =>
        unwrap(api.GET('/api/v1/winback-plans/{id}/targets', { params: { path: { id }, query: { page, size: 20 } } })),
    }),
  events: (id: string) =>
    queryOptions({
      queryKey: [...winbackQueries.all, 'plan', id, 'events'],
      queryFn: () => unwrap(api.GET('/api/v1/winback-plans/{id}/events', { params: { path: { id } } })),
    }),
  /** People who may own a plan: active sales reps and managers. */
  owners: () =>
    queryOptions({
      queryKey: [...winbackQueries.all, 'owners'],
      queryFn: async () => {
        const [reps, managers] = await Promise.all([
          unwrap(api.GET('/api/v1/users', { params: { query: { role: 'SALES_REP', active: true, size: 200 } } })),
          unwrap(api.GET('/api/v1/users', { params: { query: { role: 'MANAGER', active: true, size: 200 } } })),
        ]);
        return [...managers.items, ...reps.items].map((user) => ({ value: user.id, label: user.displayName }));
      },
      staleTime: 5 * 60_000,
    }),
  /** Customers to put in a plan, found by name, pinyin or mobile; churned ones first when nothing is typed. */
  customerSearch: (term: string) =>
    queryOptions({
      queryKey: [...winbackQueries.all, 'customer-search', { term }],
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/contacts', {
            params: {
              query: term.trim() ? { q: term.trim(), size: 20 } : { lifecycleStage: 'CHURNED', size: 20 },
            },
          }),
        ),
    }),
};

type Save = { id?: string; version?: number; body: WinbackPlanRequest };
const savePlan = ({ id, version, body }: Save) =>
  id
    ? unwrap(
        api.PUT('/api/v1/winback-plans/{id}', {
          params: { path: { id }, header: ifMatch(version ?? 0) },
          body,
        }),
      )
    : unwrap(api.POST('/api/v1/winback-plans', { body }));

type Move = { plan: WinbackPlan; action: WinbackAction; act?: WinbackActRequest };
const movePlan = ({ plan, action, act }: Move) => {
  const params = { path: { id: plan.id }, header: ifMatch(plan.version) };
  switch (action) {
    case 'START':
      return unwrap(api.POST('/api/v1/winback-plans/{id}/start', { params }));
    case 'CHECK':
      return unwrap(api.POST('/api/v1/winback-plans/{id}/check', { params }));
    case 'CANCEL':
      return unwrap(api.POST('/api/v1/winback-plans/{id}/cancel', { params }));
    case 'ACT':
      return unwrap(api.POST('/api/v1/winback-plans/{id}/act', { params, body: act! }));
  }
};

type Outcome = { planId: string; target: WinbackTarget; outcome: WinbackOutcome; note?: string };
const recordOutcome = ({ planId, target, outcome, note }: Outcome) =>
  unwrap(
    api.PUT('/api/v1/winback-plans/{id}/targets/{targetId}/outcome', {
      params: { path: { id: planId, targetId: target.id }, header: ifMatch(target.version) },
      body: { outcome, note },
    }),
  );

// Every change refreshes the board, the plan and its customers: a move changes figures everywhere.
function useInvalidateWinback() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: winbackQueries.all });
}

export function useSaveWinbackPlan(config: MutationConfig<typeof savePlan> = {}) {
  const invalidate = useInvalidateWinback();
  return useMutation({
    ...config,
    mutationFn: savePlan,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await invalidate();
    },
  });
}

export function useMoveWinbackPlan(config: MutationConfig<typeof movePlan> = {}) {
  const invalidate = useInvalidateWinback();
  return useMutation({
    ...config,
    mutationFn: movePlan,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await invalidate();
    },
  });
}

export function useRecordWinbackOutcome(config: MutationConfig<typeof recordOutcome> = {}) {
  const invalidate = useInvalidateWinback();
  return useMutation({
    ...config,
    mutationFn: recordOutcome,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await invalidate();
    },
  });
}
