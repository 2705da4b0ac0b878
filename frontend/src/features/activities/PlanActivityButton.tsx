import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const PlanActivityDialog = lazy(() => import('./PlanActivityDialog'));

/** Plans an activity about a customer, for yourself (label, class and test id for the 360 view's action bar). */
export function PlanActivityButton({
  contactId,
  label,
  className,
  testId = 'plan-activity',
}: {
  contactId: string;
  label?: string;
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so the dialog keeps its closing animation and what was typed.
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        icon={<PlusOutlined />}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
        className={className}
        data-testid={testId}
      >
        {label ?? t('activities.plan')}
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <PlanActivityDialog contactId={contactId} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
