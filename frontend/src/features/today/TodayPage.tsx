import { Card, Col, Row, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { useState } from 'react';
import { ActivityList, WeekAgenda } from '../activities';
import { WaitingLeads } from '../leads';

/**
 * 工作台: where each role lands after signing in — what is overdue, what is due today, the week ahead,
 * and the role's own queue (a rep's new leads, an agent's complaint call-backs and escalations, a
 * manager's team backlog and unassigned leads).
 */
export function TodayPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isManager = hasRole(session, 'MANAGER', 'ADMIN');
  const isRep = hasRole(session, 'SALES_REP');
  const isAgent = hasRole(session, 'SERVICE_AGENT');
  const today = dayjs();
  const [view, setView] = useState<'day' | 'week'>('day');
  // An integrator's account has no working day here: it lands on the contacts it may read.
  if (!isManager && !isRep && !isAgent) return <Navigate to="/contacts" replace />;
  return (
    <div className="gx-page" data-testid="today-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('today.greeting', { name: session?.displayName })}
        <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12, fontWeight: 'normal' }}>
          {today.format(t('today.dateFormat'))}
        </Typography.Text>
      </Typography.Title>
      <Segmented
        style={{ marginBottom: 16 }}
        value={view}
        onChange={(value) => setView(value as 'day' | 'week')}
        options={[
          { value: 'day', label: t('today.dayView') },
          { value: 'week', label: t('today.weekView') },
        ]}
      />
      {view === 'week' ? (
        <WeekAgenda />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card title={t('today.overdue')} size="small" style={{ marginBottom: 16 }}>
              <ActivityList
                testId="today-overdue"
                params={{ due: 'OVERDUE', size: 50 }}
                emptyText={t('today.noOverdue')}
              />
            </Card>
            <Card title={t('today.dueToday')} size="small" style={{ marginBottom: 16 }}>
              <ActivityList
                testId="today-due"
                params={{ due: 'TODAY', size: 50 }}
                emptyText={t('today.nothingToday')}
              />
            </Card>
            <Card title={t('today.week')} size="small">
              <ActivityList
                testId="today-week"
                params={{
                  from: today.add(1, 'day').format('YYYY-MM-DD'),
                  to: today.add(7, 'day').format('YYYY-MM-DD'),
                  status: 'OPEN',
                  size: 50,
                }}
                emptyText={t('today.nothingThisWeek')}
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            {isRep && (
              <Card title={t('today.waitingLeads')} size="small" style={{ marginBottom: 16 }}>
                <WaitingLeads queue="MINE" />
              </Card>
            )}
            {isAgent && (
              <Card
                title={t('today.complaintWork')}
                size="small"
                style={{ marginBottom: 16 }}
                extra={<Link to="/complaints">{t('today.allComplaints')}</Link>}
              >
                <ActivityList
                  testId="today-complaint-work"
                  params={{ kind: ['COMPLAINT_FOLLOW_UP', 'ESCALATION'], size: 20 }}
                  emptyText={t('today.noComplaintWork')}
                />
              </Card>
            )}
            {isManager && (
              <>
                <Card title={t('today.teamOverdue')} size="small" style={{ marginBottom: 16 }}>
                  <ActivityList
                    testId="today-team-overdue"
                    params={{ assignee: 'all', due: 'OVERDUE', size: 20 }}
                    showAssignee
                    emptyText={t('today.teamOnTrack')}
                  />
                </Card>
                <Card title={t('today.unassignedLeads')} size="small">
                  <WaitingLeads queue="UNASSIGNED" />
                </Card>
              </>
            )}
          </Col>
        </Row>
      )}
    </div>
  );
}
