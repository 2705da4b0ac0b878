import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { activityTitle, greetingOf } from '../../lib/activityText';
import type { components } from '../../lib/api/schema';
import { useSession } from '../../lib/auth/useSession';
import { describeError } from '../../lib/errors';
import { hoursSince, useFormat } from '../../lib/format';
import { LightLink, useUpgrade } from '../../lib/lightPage';
import { type Today, todayQueries } from './api';
import { count, percent } from './daySummary';

type Activity = components['schemas']['Activity'];
type WaitingLeadSlice = components['schemas']['SliceWaitingLead'];

// Tag colours by the same rules as the antd page (classes in app/global.css, AA contrast).
const PRIORITY_TAGS: Record<string, string> = { HIGH: 'red', NORMAL: 'blue', LOW: 'grey' };
const LEVEL_TAGS: Record<string, string> = { HIGH_VALUE: 'red', PRIORITY: 'orange', STANDARD: 'grey' };
const SEVERITY_TAGS: Record<string, string> = { LOW: 'grey', MEDIUM: 'blue', HIGH: 'orange', CRITICAL: 'red' };

/**
 * The today page as a phone first paints it: the same day (one request, todayQueries) in plain HTML and
 * global.css, no antd (issue 16, Lighthouse ≥ 90). The antd TodayPage takes over on the first action that
 * needs it (done, reschedule, the week agenda), through lib/lightPage's upgrade.
 */
export function TodayLight() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const upgrade = useUpgrade();
  const today = useQuery({ ...todayQueries.day(), enabled: session !== null });
  dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');
  const showWeek = () => upgrade({ click: '[data-testid=today-view-week]' });
  return (
    <div className="gx-page" data-testid="today-page">
      <h1 className="gx-page-title gx-light-title">
        {t('today.greeting', { name: session?.displayName })}
        <span className="gx-light-muted gx-light-date">
          {/* The business day (Asia/Shanghai) the server counted in, not the browser's. */}
          {today.data && dayjs(today.data.day).format(t('today.dateFormat'))}
        </span>
      </h1>
      <div role="group" aria-label={t('today.viewSwitch')} className="gx-light-switch">
        <button type="button" aria-pressed="true" data-testid="today-view-day">
          {t('today.dayView')}
        </button>
        <button type="button" aria-pressed="false" data-testid="today-view-week" onClick={showWeek}>
          {t('today.weekView')}
        </button>
      </div>
      {today.isPending ? (
        <p className="gx-light-muted" role="status">
          {t('common.loading')}
        </p>
      ) : today.isError ? (
        <div role="alert" className="gx-light-card gx-light-error">
          <p>{describeError(today.error, t)}</p>
          <button type="button" className="gx-light-button" onClick={() => void today.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : (
        <Day day={today.data} onWeek={showWeek} />
      )}
    </div>
  );
}

function Card({
  title,
  alert,
  testId,
  children,
}: {
  title?: string;
  alert?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section
      className={alert ? 'gx-light-card gx-card-alert' : 'gx-light-card'}
      aria-labelledby={title ? id : undefined}
      data-testid={testId}
    >
      {title && (
        <h2 id={id} className="gx-light-card-title">
          {title}
        </h2>
      )}
      {children}
    </section>
  );
}

function Tag({ color, children }: { color?: string; children: ReactNode }) {
  return <span className={`gx-light-tag gx-light-tag-${color ?? 'grey'}`}>{children}</span>;
}

/** A list, or the sentence that says it is empty (the antd page's Empty). */
function Items<T>({
  items,
  testId,
  empty,
  render,
}: {
  items: readonly T[];
  testId?: string;
  empty: string;
  render: (item: T) => ReactNode;
}) {
  return items.length === 0 ? (
    <p className="gx-light-empty" data-testid={testId}>
      {empty}
    </p>
  ) : (
    <ul className="gx-light-list" data-testid={testId}>
      {items.map(render)}
    </ul>
  );
}

function Day({ day, onWeek }: { day: Today; onWeek: () => void }) {
  const { t } = useTranslation();
  const team = day.team;
  return (
    <div className="gx-light-day">
      <div>
        <Card title={`${t('today.overdue')} · ${count(day.overdue)}`} alert={day.overdue.total > 0}>
          <Activities testId="today-overdue" items={day.overdue.first} empty={t('today.noOverdue')} />
        </Card>
        <Card title={`${t('today.dueToday')} · ${count(day.dueToday)}`}>
          <Activities testId="today-due" items={day.dueToday.first} empty={t('today.nothingToday')} />
        </Card>
        <Card testId="today-week">
          <p className="gx-light-week">
            <span>{t('today.nextSevenDays', { count: day.nextSevenDays })}</span>
            <button type="button" className="gx-light-link-button" onClick={onWeek}>
              {t('today.openAgenda')}
            </button>
          </p>
        </Card>
      </div>
      <div>
        {day.newLeads && (
          <Card title={`${t('today.waitingLeads')} · ${count(day.newLeads)}`}>
            <WaitingLeads slice={day.newLeads} testId="waiting-leads-mine" />
          </Card>
        )}
        {day.quietCustomers && (
          <Card title={`${t('today.quietCustomers')} · ${count(day.quietCustomers)}`}>
            <QuietCustomers day={day} />
          </Card>
        )}
        {day.birthdays && (
          <Card title={`${t('today.birthdays')} · ${count(day.birthdays)}`}>
            <Birthdays day={day} />
          </Card>
        )}
        {day.complaints && (
          <Card title={`${t('today.complaints')} · ${count(day.complaints)}`}>
            <Complaints day={day} />
            <p className="gx-light-more">
              <LightLink href="/complaints">{t('today.allComplaints')}</LightLink>
            </p>
          </Card>
        )}
        {team && (
          <>
            <Card title={t('today.teamNumbers')}>
              <dl className="gx-light-figures">
                <div>
                  <dt>{t('today.leadReach', { count: team.leadReach.assigned })}</dt>
                  <dd>{percent(team.leadReach.contactedWithinADay, team.leadReach.assigned)}</dd>
                </div>
                <div>
                  <dt>{t('today.onTime', { count: team.onTime.due })}</dt>
                  <dd>{percent(team.onTime.doneOnTime, team.onTime.due)}</dd>
                </div>
              </dl>
            </Card>
            <Card title={t('today.teamOverdue')}>
              <Items
                testId="today-team-overdue"
                items={team.overdueByPerson}
                empty={t('today.teamOnTrack')}
                render={(load) => (
                  <li key={load.assigneeId} className="gx-light-row">
                    <span>{load.assigneeName}</span>
                    <Tag color="red">{t('today.overdueCount', { count: load.overdue })}</Tag>
                  </li>
                )}
              />
            </Card>
            <Card title={`${t('today.unassignedLeads')} · ${count(team.unassignedLeads)}`}>
              <WaitingLeads slice={team.unassignedLeads} testId="waiting-leads-unassigned" />
            </Card>
          </>
        )}
      </div>
    </div>
  );
}

/** The day's activities; done and reschedule open antd's dialog and popover on this activity in the app. */
function Activities({ items, empty, testId }: { items: Activity[]; empty: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const upgrade = useUpgrade();
  const act = (activity: Activity, action: 'complete' | 'reschedule') =>
    upgrade({ click: `[data-activity-id="${activity.id}"] [data-action=${action}]` });
  return (
    <Items
      testId={testId}
      items={items}
      empty={empty}
      render={(activity) => {
        const greeting = greetingOf(activity, i18n.language);
        return (
          <li key={activity.id} data-testid="activity-item" className="gx-light-activity">
            <div className="gx-light-activity-text">
              <p className="gx-light-line">
                <Tag color={PRIORITY_TAGS[activity.priority]}>{t(`activities.kind.${activity.kind}`)}</Tag>
                <strong>{activityTitle(activity, t)}</strong>
                {activity.overdue && <Tag color="red">{t('activities.overdue')}</Tag>}
              </p>
              <p className="gx-light-muted gx-light-dots">
                {activity.contactName ? (
                  <LightLink href={`/contacts/${activity.contactId}`}>{activity.contactName}</LightLink>
                ) : (
                  <span>{t('activities.hiddenCustomer')}</span>
                )}
                <span>{activity.allDay ? format.date(activity.dueDate) : format.dateTime(activity.dueAt)}</span>
                {activity.complaintId && (
                  <LightLink href={`/complaints/${activity.complaintId}`}>{t('activities.openComplaint')}</LightLink>
                )}
                {activity.note && <span>{activity.note}</span>}
              </p>
              {greeting && <p className="gx-greeting">{greeting}</p>}
            </div>
            {activity.status === 'OPEN' && (
              <div className="gx-light-actions">
                <button
                  type="button"
                  className="gx-light-button gx-light-primary"
                  onClick={() => act(activity, 'complete')}
                >
                  {t('activities.complete')}
                </button>
                <button type="button" className="gx-light-button" onClick={() => act(activity, 'reschedule')}>
                  {t('activities.reschedule')}
                </button>
              </div>
            )}
          </li>
        );
      }}
    />
  );
}

function WaitingLeads({ slice, testId }: { slice: WaitingLeadSlice; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Items
        testId={testId}
        items={slice.first}
        empty={t('today.noWaitingLeads')}
        render={(lead) => (
          <li key={lead.id} className="gx-light-stack">
            <p className="gx-light-line">
              <Tag color={LEVEL_TAGS[lead.level]}>{t(`leads.level.${lead.level}`)}</Tag>
              <LightLink href={`/contacts/${lead.contactId}`}>{lead.contactName ?? t('today.unnamed')}</LightLink>
              <span className="gx-light-muted">{lead.score.toFixed(1)}</span>
            </p>
            <p className="gx-light-muted">{t('today.waitingHours', { hours: hoursSince(lead.waitingSince) })}</p>
          </li>
        )}
      />
      {slice.total > slice.first.length && (
        <p className="gx-light-more">
          <LightLink href="/leads">{t('today.allLeads', { count: slice.total })}</LightLink>
        </p>
      )}
    </>
  );
}

function QuietCustomers({ day }: { day: Today }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Items
      testId="today-quiet"
      items={day.quietCustomers?.first ?? []}
      empty={t('today.noQuiet')}
      render={(c) => (
        <li key={c.id} className="gx-light-row">
          <LightLink href={`/contacts/${c.id}`}>{c.name}</LightLink>
          <span className="gx-light-muted">
            {c.lastContactedAt ? t('today.lastContacted', { at: format.date(c.lastContactedAt) }) : t('today.never')}
          </span>
        </li>
      )}
    />
  );
}

function Birthdays({ day }: { day: Today }) {
  const { t } = useTranslation();
  return (
    <Items
      testId="today-birthdays"
      items={day.birthdays?.first ?? []}
      empty={t('today.noBirthdays')}
      render={(b) => (
        <li key={b.contactId} className="gx-light-row">
          <LightLink href={`/contacts/${b.contactId}`}>{b.name}</LightLink>
          <span>
            {b.today ? (
              <Tag color="magenta">{t('today.birthdayToday')}</Tag>
            ) : (
              <span className="gx-light-muted">{dayjs(b.date).format(t('today.birthdayFormat'))}</span>
            )}
            {b.turns != null && <span className="gx-light-muted"> {t('today.turns', { count: b.turns })}</span>}
          </span>
        </li>
      )}
    />
  );
}

function Complaints({ day }: { day: Today }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Items
      testId="today-complaints"
      items={day.complaints?.first ?? []}
      empty={t('today.noComplaints')}
      render={(c) => (
        <li key={c.id} className="gx-light-stack">
          <p className="gx-light-line">
            <Tag color={SEVERITY_TAGS[c.severity]}>{t(`complaints.severity.${c.severity}`)}</Tag>
            <LightLink href={`/complaints/${c.id}`}>{c.contactName ?? t('today.unnamed')}</LightLink>
            {c.breached && <Tag color="red">{t('today.breached')}</Tag>}
            {c.unassigned && <Tag>{t('today.unassigned')}</Tag>}
          </p>
          <p className="gx-light-muted">
            {`${t(`complaints.state.${c.state}`)} · ${t('today.dueAt', { at: format.dateTime(c.nextDueAt) })}`}
          </p>
        </li>
      )}
    />
  );
}
