import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';

// The week is one tap away on the today page: its own chunk, loaded when asked, not with the day (issue 16).
const Week = lazy(() => import('./WeekAgenda').then((module) => ({ default: module.WeekAgenda })));

export function WeekAgenda() {
  return (
    <Suspense fallback={<Skeleton active />}>
      <Week />
    </Suspense>
  );
}
