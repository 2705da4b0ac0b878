import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, List, Row, Segmented, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { useFormat } from '../../lib/format';
import { ActivityItems, activityQueries, WeekAgenda } from '../activities';
import { WaitingLeads } from '../leads';
import { type Today, todayQueries } from './api';
import { count, percent, WORKING_ROLES } from './daySummary';

/**
 * 工作台: where each role lands after signing in — what is overdue, what is due today, the week ahead,
 * and the role's own queue (a rep's new leads and quiet customers, an agent's complaints by deadline,
 * a manager's team). One request brings all of it.
 */
export function TodayPage() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const [view, setView] = useState<'day' | 'week'>('day');
  const today = useQuery(todayQueries.day());
  const works = hasRole(session, ...WORKING_ROLES);
  // An integrator's account has no working day here: it lands on the contacts it may read.
  if (!works) return <Navigate to="/contacts" replace />;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: todayQueries.all }),
      queryClient.invalidateQueries({ queryKey: activityQueries.all }),
    ]);
  return (
    <div className="gx-page" data-testid="today-page">
      <PageTitle style={{ marginBottom: 12 }}>
        {t('today.greeting', { name: session?.displayName })}
        <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12, fontWeight: 'normal' }}>
          {/* The business day (Asia/Shanghai) the server counted in, not the browser's. */}
          {dayjs(today.data?.day).format(t('today.dateFormat'))}
        </Typography.Text>
      </PageTitle>
      <Segmented
        style={{ marginBottom: 16 }}
        value={view}
        onChange={(value) => setView(value as 'day' | 'week')}
        options={[
          // Test ids on the labels: the light page (TodayLight) hands a click on its own switch over to these.
          { value: 'day', label: <span data-testid="today-view-day">{t('today.dayView')}</span> },
          { value: 'week', label: <span data-testid="today-view-week">{t('today.weekView')}</span> },
        ]}
      />
      {view === 'week' ? (
        <WeekAgenda />
      ) : today.isPending ? (
        <Skeleton active />
      ) : today.isError ? (
        <ErrorState error={today.error} onRetry={() => today.refetch()} />
      ) : (
        <Day day={today.data} onChanged={refresh} onWeek={() => setView('week')} />
      )}
    </div>
  );
}

function Day({ day, onChanged, onWeek }: { day: Today; onChanged: () => void; onWeek: () => void }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card
          title={`${t('today.overdue')} · ${count(day.overdue)}`}
          size="small"
          style={{ marginBottom: 16 }}
          className={day.overdue.total > 0 ? 'gx-card-alert' : undefined}
        >
          <ActivityItems
            testId="today-overdue"
            items={day.overdue.first}
            emptyText={t('today.noOverdue')}
            onChanged={onChanged}
          />
        </Card>
        <Card title={`${t('today.dueToday')} · ${count(day.dueToday)}`} size="small" style={{ marginBottom: 16 }}>
          <ActivityItems
            testId="today-due"
            items={day.dueToday.first}
            emptyText={t('today.nothingToday')}
            onChanged={onChanged}
          />
        </Card>
        <Card size="small" data-testid="today-week">
          <Space wrap>
            <Typography.Text>{t('today.nextSevenDays', { count: day.nextSevenDays })}</Typography.Text>
            {/* A button, not an anchor without href: that one the keyboard cannot reach. */}
            <Button type="link" style={{ paddingInline: 0 }} onClick={onWeek}>
              {t('today.openAgenda')}
            </Button>
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        {day.newLeads && (
          <Card title={`${t('today.waitingLeads')} · ${count(day.newLeads)}`} size="small" style={{ marginBottom: 16 }}>
            <WaitingLeads slice={day.newLeads} testId="waiting-leads-mine" />
          </Card>
        )}
        {day.quietCustomers && (
          <Card
            title={`${t('today.quietCustomers')} · ${count(day.quietCustomers)}`}
            size="small"
            style={{ marginBottom: 16 }}
          >
            <QuietCustomers day={day} />
          </Card>
        )}
        {day.birthdays && (
          <Card title={`${t('today.birthdays')} · ${count(day.birthdays)}`} size="small" style={{ marginBottom: 16 }}>
            <Birthdays day={day} />
          </Card>
        )}
        {day.complaints && (
          <Card
            title={`${t('today.complaints')} · ${count(day.complaints)}`}
            size="small"
            style={{ marginBottom: 16 }}
            extra={<Link to="/complaints">{t('today.allComplaints')}</Link>}
          >
            <Complaints day={day} />
          </Card>
        )}
        {day.team && <Team day={day} />}
      </Col>
    </Row>
  );
}

function QuietCustomers({ day }: { day: Today }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <List
      data-testid="today-quiet"
      size="small"
      dataSource={day.quietCustomers?.first ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('today.noQuiet')} /> }}
      renderItem={(c) => (
        <List.Item>
          <Link to={`/contacts/${c.id}`}>{c.name}</Link>
          <Typography.Text type="secondary">
            {c.lastContactedAt ? t('today.lastContacted', { at: format.date(c.lastContactedAt) }) : t('today.never')}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

function Birthdays({ day }: { day: Today }) {
  const { t } = useTranslation();
  return (
    <List
      data-testid="today-birthdays"
      size="small"
      dataSource={day.birthdays?.first ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('today.noBirthdays')} /> }}
      renderItem={(b) => (
        <List.Item>
          <Link to={`/contacts/${b.contactId}`}>{b.name}</Link>
          <Space size={4}>
            {b.today ? (
              <Tag color="magenta">{t('today.birthdayToday')}</Tag>
            ) : (
              <Typography.Text type="secondary">{dayjs(b.date).format(t('today.birthdayFormat'))}</Typography.Text>
            )}
            {b.turns != null && (
              <Typography.Text type="secondary">{t('today.turns', { count: b.turns })}</Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

const SEVERITY_COLORS: Record<string, string> = { LOW: 'default', MEDIUM: 'blue', HIGH: 'orange', CRITICAL: 'red' };

function Complaints({ day }: { day: Today }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <List
      data-testid="today-complaints"
      size="small"
      dataSource={day.complaints?.first ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('today.noComplaints')} /> }}
      renderItem={(c) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space wrap size={4}>
                <Tag color={SEVERITY_COLORS[c.severity]}>{t(`complaints.severity.${c.severity}`)}</Tag>
                <Link to={`/complaints/${c.id}`}>{c.contactName ?? t('today.unnamed')}</Link>
                {c.breached && <Tag color="red">{t('today.breached')}</Tag>}
                {c.unassigned && <Tag>{t('today.unassigned')}</Tag>}
              </Space>
            }
            description={`${t(`complaints.state.${c.state}`)} · ${t('today.dueAt', { at: format.dateTime(c.nextDueAt) })}`}
          />
        </List.Item>
      )}
    />
  );
}

function Team({ day }: { day: Today }) {
  const { t } = useTranslation();
  const team = day.team;
  if (!team) return null;
  return (
    <>
      <Card title={t('today.teamNumbers')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col span={12}>
            <Statistic
              title={t('today.leadReach', { count: team.leadReach.assigned })}
              value={percent(team.leadReach.contactedWithinADay, team.leadReach.assigned)}
            />
          </Col>
          <Col span={12}>
            <Statistic
              title={t('today.onTime', { count: team.onTime.due })}
              value={percent(team.onTime.doneOnTime, team.onTime.due)}
            />
          </Col>
        </Row>
      </Card>
      <Card title={t('today.teamOverdue')} size="small" style={{ marginBottom: 16 }}>
        <List
          data-testid="today-team-overdue"
          size="small"
          dataSource={team.overdueByPerson}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('today.teamOnTrack')} /> }}
          renderItem={(load) => (
            <List.Item>
              <span>{load.assigneeName}</span>
              <Tag color="red">{t('today.overdueCount', { count: load.overdue })}</Tag>
            </List.Item>
          )}
        />
      </Card>
      <Card title={`${t('today.unassignedLeads')} · ${count(team.unassignedLeads)}`} size="small">
        <WaitingLeads slice={team.unassignedLeads} testId="waiting-leads-unassigned" />
      </Card>
    </>
  );
}
