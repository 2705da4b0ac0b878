import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { type Activity, activityQueries } from './api';
import { useActivityTitle } from './ActivityList';

const KIND_COLORS: Record<string, string> = { VISIT: 'orange', MEETING: 'gold', CALL: 'blue', CARE: 'magenta' };

/** The day an activity falls on, in the browser's zone (an all-day one: its due day). */
const dayOf = (activity: Activity) => (activity.allDay ? activity.dueDate : dayjs(activity.dueAt).format('YYYY-MM-DD'));

/**
 * One's week, Monday to Sunday: every activity (open or done) on its day, visits and meetings in
 * colour. Seven columns on a wide screen, one day under the other on a phone.
 */
export function WeekAgenda() {
  const { t } = useTranslation();
  const title = useActivityTitle();
  const [monday, setMonday] = useState<Dayjs>(() => dayjs().subtract((dayjs().day() + 6) % 7, 'day'));
  const days = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
  const week = useQuery(
    activityQueries.list({
      from: monday.subtract(1, 'day').format('YYYY-MM-DD'), // a day's margin each side for time zones
      to: monday.add(7, 'day').format('YYYY-MM-DD'),
      size: 200,
    }),
  );
  return (
    <Card
      size="small"
      data-testid="week-agenda"
      title={`${monday.format('YYYY-MM-DD')} – ${monday.add(6, 'day').format('MM-DD')}`}
      extra={
        <Space>
          <Button
            size="small"
            icon={<LeftOutlined />}
            aria-label={t('agenda.previousWeek')}
            onClick={() => setMonday(monday.subtract(7, 'day'))}
          />
          <Button size="small" onClick={() => setMonday(dayjs().subtract((dayjs().day() + 6) % 7, 'day'))}>
            {t('agenda.thisWeek')}
          </Button>
          <Button
            size="small"
            icon={<RightOutlined />}
            aria-label={t('agenda.nextWeek')}
            onClick={() => setMonday(monday.add(7, 'day'))}
          />
        </Space>
      }
    >
      {week.isPending ? (
        <Skeleton active />
      ) : week.isError ? (
        <ErrorState error={week.error} onRetry={() => week.refetch()} />
      ) : (
        <div className="gx-week">
          {days.map((day) => {
            const key = day.format('YYYY-MM-DD');
            const items = week.data.items.filter((a) => dayOf(a) === key);
            const isToday = key === dayjs().format('YYYY-MM-DD');
            return (
              <section key={key} className={isToday ? 'gx-week-day gx-week-today' : 'gx-week-day'} aria-label={key}>
                <Typography.Text strong>
                  {day.format(t('agenda.dayFormat'))}
                  {isToday && <Tag style={{ marginInlineStart: 6 }}>{t('agenda.today')}</Tag>}
                </Typography.Text>
                {items.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agenda.free')} />
                ) : (
                  items.map((a) => (
                    <div key={a.id} className="gx-week-item" data-status={a.status}>
                      <Tag color={KIND_COLORS[a.kind]}>
                        {a.allDay ? t('agenda.allDay') : dayjs(a.dueAt).format('HH:mm')}
                      </Tag>
                      <Typography.Text delete={a.status !== 'OPEN'} type={a.overdue ? 'danger' : undefined}>
                        {title(a)}
                      </Typography.Text>
                      {a.contactName && (
                        <div>
                          <Link to={`/contacts/${a.contactId}`}>{a.contactName}</Link>
                        </div>
                      )}
                    </div>
                  ))
                )}
              </section>
            );
          })}
        </div>
      )}
    </Card>
  );
}
