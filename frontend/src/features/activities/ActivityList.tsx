import { CheckOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Grid, List, Popover, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { activityTitle, greetingOf } from '../../lib/activityText';
import { useFormat } from '../../lib/format';
import { type Activity, type ActivityListParams, activityQueries, useRescheduleActivity } from './api';

// The dialogs and the date picker are their own chunks: the today page shows the list first and loads
// antd's forms and date picker only when an activity is done or moved (issue 16, phone).
const CompleteActivityDialog = lazy(() =>
  import('./CompleteActivityDialog').then((module) => ({ default: module.CompleteActivityDialog })),
);
const RescheduleDayPicker = lazy(() => import('./RescheduleDayPicker'));

const PRIORITY_COLORS: Record<string, string> = { HIGH: 'red', NORMAL: 'blue', LOW: 'default' };

/** What an activity says (lib/activityText.ts, shared with the light today page). */
export function useActivityTitle() {
  const { t } = useTranslation();
  return (activity: Activity) => activityTitle(activity, t);
}

/** A list of activities that can be done or moved where they are shown (today, a customer, the complaints). */
export function ActivityList({
  params,
  ...shown
}: {
  params: ActivityListParams;
  emptyText: string;
  showAssignee?: boolean;
  testId?: string;
}) {
  const list = useQuery(activityQueries.list(params));
  if (list.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  return <ActivityItems items={list.data.items} {...shown} />;
}

/**
 * Activities someone already has (a page that read them in a summary): each can be done or moved;
 * `onChanged` lets that page refresh what it read.
 */
export function ActivityItems({
  items,
  emptyText,
  showAssignee = false,
  testId,
  onChanged,
}: {
  items: Activity[];
  emptyText: string;
  showAssignee?: boolean;
  testId?: string;
  onChanged?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const title = useActivityTitle();
  const [completing, setCompleting] = useState<Activity>();
  // On a phone the buttons go under the activity, which keeps the width to read it, and are large
  // enough (40 px) to hit with a thumb.
  const wide = Grid.useBreakpoint().md ?? true;
  const buttonSize = wide ? 'small' : 'large';
  return (
    <>
      <List
        className="gx-activities"
        data-testid={testId}
        size="small"
        itemLayout={wide ? 'horizontal' : 'vertical'}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
        dataSource={items}
        renderItem={(activity) => (
          <List.Item
            data-testid="activity-item"
            // The light today page hands a tap on its done or reschedule button over to these.
            data-activity-id={activity.id}
            actions={
              activity.status === 'OPEN'
                ? [
                    <Button
                      key="done"
                      type="primary"
                      size={buttonSize}
                      icon={<CheckOutlined />}
                      data-action="complete"
                      onClick={() => setCompleting(activity)}
                    >
                      {t('activities.complete')}
                    </Button>,
                    <RescheduleButton key="move" activity={activity} onChanged={onChanged} size={buttonSize} />,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Tag color={PRIORITY_COLORS[activity.priority]}>{t(`activities.kind.${activity.kind}`)}</Tag>
                  <Typography.Text strong>{title(activity)}</Typography.Text>
                  {activity.overdue && <Tag color="red">{t('activities.overdue')}</Tag>}
                </Space>
              }
              description={
                <Space wrap size={4} separator="·">
                  {activity.contactName ? (
                    <Link to={`/contacts/${activity.contactId}`}>{activity.contactName}</Link>
                  ) : (
                    <span>{t('activities.hiddenCustomer')}</span>
                  )}
                  <span>{activity.allDay ? format.date(activity.dueDate) : format.dateTime(activity.dueAt)}</span>
                  {activity.complaintId && (
                    <Link to={`/complaints/${activity.complaintId}`}>{t('activities.openComplaint')}</Link>
                  )}
                  {showAssignee && <span>{activity.assigneeName}</span>}
                  {activity.note && <span>{activity.note}</span>}
                </Space>
              }
            />
            {greetingOf(activity, i18n.language) && (
              // The greeting a care rule wrote for this customer: copied into WeChat or an SMS in one tap.
              <Typography.Paragraph
                className="gx-greeting"
                data-testid="activity-greeting"
                copyable={{ tooltips: [t('activities.copyGreeting'), t('activities.copiedGreeting')] }}
              >
                {greetingOf(activity, i18n.language)}
              </Typography.Paragraph>
            )}
          </List.Item>
        )}
      />
      {completing && (
        <Suspense fallback={null}>
          <CompleteActivityDialog
            activity={completing}
            onClose={() => setCompleting(undefined)}
            onDone={() => onChanged?.()}
          />
        </Suspense>
      )}
    </>
  );
}

function RescheduleButton({
  activity,
  onChanged,
  size,
}: {
  activity: Activity;
  onChanged?: () => void;
  size: 'small' | 'large';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const reschedule = useRescheduleActivity();
  const move = (dueDate: string) =>
    reschedule.mutate(
      { activity, dueDate },
      {
        onSuccess: () => {
          setOpen(false);
          onChanged?.();
          void message.success(t('activities.rescheduled'));
        },
        onError: (error) => void message.error(describeError(error, t)),
      },
    );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      content={
        <Space orientation="vertical">
          <Button block onClick={() => move(dayjs().add(1, 'day').format('YYYY-MM-DD'))}>
            {t('activities.tomorrow')}
          </Button>
          <Button block onClick={() => move(dayjs().add(7, 'day').format('YYYY-MM-DD'))}>
            {t('activities.nextWeek')}
          </Button>
          <Suspense fallback={<Skeleton.Input active size="small" />}>
            <RescheduleDayPicker onPick={move} />
          </Suspense>
        </Space>
      }
    >
      <Button size={size} icon={<ClockCircleOutlined />} loading={reschedule.isPending} data-action="reschedule">
        {t('activities.reschedule')}
      </Button>
    </Popover>
  );
}
