import { ArrowLeftOutlined, EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Progress, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { ExportButton } from '../../components/ui/ExportButton';
import { PageTitle } from '../../components/ui/PageTitle';
import { usePhone } from '../../components/ui/usePhone';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { useFormat } from '../../lib/format';
import {
  type Contact,
  contactQueries,
  displayName,
  fetchContactForEdit,
  useArchiveContact,
  useRestoreContact,
} from './api';
import { ContactActionBar } from './ContactActionBar';
import { ContactFormDrawer } from './ContactFormDrawer';
import { MaskedReach } from './MaskedReach';
import { STAGE_COLORS } from '../../lib/enums';
import { InteractionTimeline } from './InteractionTimeline';
import { loyaltyQueries, PointsCard } from '../loyalty';
import { CustomerValueCard } from '../tiers';
import { SurveyHistoryCard } from '../surveys';
import { ChurnRiskCard, churnRiskQueries } from '../churnrisk';
import { ConsentCard } from '../consent';
import { ActivityList, activityQueries, PlanActivityButton } from '../activities';
import { ChurnCard } from '../churn';
import { LevelTag, TierTag } from '../../components/ui/ValueBadges';

export function ContactDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const queryClient = useQueryClient();
  const overview = useQuery(contactQueries.overview(id));
  const archive = useArchiveContact();
  const restore = useRestoreContact();
  const [editing, setEditing] = useState<{ contact: Contact; etag: string } | undefined>();
  const phone = usePhone();
  const logAnchor = useRef<HTMLDivElement>(null);

  if (overview.isPending)
    return (
      <div className="gx-page">
        <Card>
          <Skeleton active />
        </Card>
      </div>
    );
  if (overview.isError)
    return (
      <div className="gx-page">
        <ErrorState error={overview.error} onRetry={() => overview.refetch()} />
      </div>
    );

  const { contact, interactionStats } = overview.data;
  // A sale or refund changes the customer's value and purchases here and the points the loyalty card shows.
  const handlePurchasesChanged = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: contactQueries.all }),
      queryClient.invalidateQueries({ queryKey: loyaltyQueries.account(id).queryKey }),
    ]);
  // An anonymised customer is kept for the books only: nobody edits it back into a person.
  const canEdit =
    !contact.anonymisedAt &&
    (hasRole(session, 'MANAGER', 'ADMIN') || (hasRole(session, 'SALES_REP') && contact.ownerId === session?.userId));

  const handleEdit = async () => {
    try {
      setEditing(await fetchContactForEdit(id));
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  const handleJumpToLog = () => {
    logAnchor.current?.scrollIntoView({ block: 'start' });
    logAnchor.current?.querySelector('textarea')?.focus({ preventScroll: true });
  };

  const handleArchive = () =>
    modal.confirm({
      title: t('contacts.archive'),
      content: t('contacts.archiveConfirm'),
      onOk: async () => {
        await archive.mutateAsync(id);
        navigate('/contacts');
      },
    });

  const missing = contact.missingFields.map((field) => t(`contacts.fields.${field}`)).join(t('common.listSeparator'));

  const profileCard = (
    <Card title={t('overview.profile')}>
      <div style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('overview.completeness')}</Typography.Text>
        <Progress percent={contact.completeness} aria-label={t('overview.completeness')} data-testid="completeness" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {missing ? t('overview.missing', { fields: missing }) : t('overview.complete')}
        </Typography.Text>
      </div>
      <Descriptions
        column={1}
        size="small"
        colon={false}
        styles={{ label: { width: phone ? 96 : 140, color: 'rgba(0,0,0,0.6)' } }}
      >
        <Descriptions.Item label={t('contacts.fields.mobile')}>
          {/* On a phone, a tap calls; masked for those who do not work the customer, shown on request (audited). */}
          <MaskedReach contactId={contact.id} kind="mobile" value={contact.mobile} masked={contact.reachMasked} />
        </Descriptions.Item>
        <Descriptions.Item label={t('contacts.fields.email')}>
          <MaskedReach contactId={contact.id} kind="email" value={contact.email} masked={contact.reachMasked} />
        </Descriptions.Item>
        <Descriptions.Item label={t('contacts.fields.wechatId')}>
          {contact.wechatId ? (
            <Typography.Text copyable={{ text: contact.wechatId }}>{contact.wechatId}</Typography.Text>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('contacts.fields.industry')}>{contact.industry ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('contacts.fields.birthday')}>
          {contact.birthMonthDay
            ? t('contacts.monthDay', {
                month: Number(contact.birthMonthDay.slice(2, 4)),
                day: Number(contact.birthMonthDay.slice(5, 7)),
              })
            : format.date(contact.birthday)}
        </Descriptions.Item>
        <Descriptions.Item label={t('contacts.fields.sourceChannel')}>
          {contact.sourceChannel ? t(`enum.SourceChannel.${contact.sourceChannel}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('contacts.fields.preferredChannel')}>
          {contact.preferredChannel ? t(`enum.ContactChannel.${contact.preferredChannel}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('contacts.fields.personalityType')}>
          {contact.personalityType ? t(`enum.PersonalityType.${contact.personalityType}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('contacts.fields.hiddenNeeds')}>{contact.hiddenNeeds ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('contacts.fields.owner')}>{contact.ownerName ?? '—'}</Descriptions.Item>
        {contact.referredById && (
          <Descriptions.Item label={t('contacts.fields.referredById')}>
            <Link to={`/contacts/${contact.referredById}`} data-testid="referrer-link">
              {contact.referredByName ?? t('contacts.referrerHidden')}
            </Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('contacts.fields.marketingConsent')}>
          {contact.marketingConsent ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('contacts.fields.lastContactedAt')}>
          {format.dateTime(contact.lastContactedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('contacts.fields.createdAt')}>
          {format.dateTime(contact.createdAt)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
  const leadsCard = (
    <Card size="small" title={t('overview.leads')} data-testid="contact-leads">
      {overview.data.leads.length === 0 ? (
        <Typography.Text type="secondary">{t('overview.noLeads')}</Typography.Text>
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {overview.data.leads.map((lead) => (
            <Space key={lead.id} wrap>
              {lead.scoring === 'NOT_SCORED_AT_CUSTOMER_REQUEST' ? (
                <Tag data-testid="lead-not-scored">{t('leads.notScoredShort')}</Tag>
              ) : (
                <>
                  <Typography.Text strong>{lead.score.toFixed(1)}</Typography.Text>
                  <Tag color={lead.level === 'HIGH_VALUE' ? 'red' : lead.level === 'PRIORITY' ? 'orange' : 'default'}>
                    {t(`leads.level.${lead.level}`)}
                  </Tag>
                </>
              )}
              <Typography.Text>{t(`leads.status.${lead.status}`)}</Typography.Text>
              <Typography.Text type="secondary">
                {t(`enum.SourceChannel.${lead.sourceChannel}`)} · {format.date(lead.createdAt)}
              </Typography.Text>
            </Space>
          ))}
        </Space>
      )}
    </Card>
  );
  const valueCard = (
    <CustomerValueCard
      contactId={id}
      value={overview.data.value}
      purchases={overview.data.recentPurchases}
      onChanged={handlePurchasesChanged}
      canRecord={
        !contact.archivedAt &&
        (hasRole(session, 'MANAGER', 'ADMIN') || (hasRole(session, 'SALES_REP') && contact.ownerId === session?.userId))
      }
    />
  );
  const complaintsCard = (
    <Card size="small" title={t('overview.complaints')} data-testid="contact-complaints">
      {overview.data.complaints.length === 0 ? (
        <Typography.Text type="secondary">{t('complaints.none')}</Typography.Text>
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {overview.data.complaints.map((complaint) => (
            <Space key={complaint.id} wrap>
              <Tag
                color={complaint.severity === 'CRITICAL' ? 'red' : complaint.severity === 'HIGH' ? 'orange' : 'default'}
              >
                {t(`complaints.severity.${complaint.severity}`)}
              </Tag>
              {hasRole(session, 'SERVICE_AGENT', 'MANAGER', 'ADMIN') ? (
                <Link to={`/complaints/${complaint.id}`}>{t(`complaints.category.${complaint.category}`)}</Link>
              ) : (
                <Typography.Text>{t(`complaints.category.${complaint.category}`)}</Typography.Text>
              )}
              <Typography.Text>{t(`complaints.state.${complaint.state}`)}</Typography.Text>
              <Typography.Text type="secondary">{format.date(complaint.sla.receivedAt)}</Typography.Text>
            </Space>
          ))}
        </Space>
      )}
    </Card>
  );
  const pointsCard = (
    <PointsCard
      contactId={id}
      canAdjust={!contact.archivedAt && hasRole(session, 'MANAGER', 'ADMIN')}
      canRedeem={
        !contact.archivedAt &&
        (hasRole(session, 'MANAGER', 'ADMIN', 'SERVICE_AGENT') ||
          (hasRole(session, 'SALES_REP') && contact.ownerId === session?.userId))
      }
    />
  );
  const surveysCard = (
    <SurveyHistoryCard
      contactId={id}
      canInvite={
        !contact.archivedAt &&
        (hasRole(session, 'MANAGER', 'ADMIN') || (hasRole(session, 'SALES_REP') && contact.ownerId === session?.userId))
      }
    />
  );
  // An objection to profiling (or its withdrawal) removes or restores the lead and churn-risk scores shown here.
  const consentCard = (
    <ConsentCard
      contactId={id}
      onChanged={() =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: contactQueries.all }),
          queryClient.invalidateQueries({ queryKey: churnRiskQueries.all }),
        ])
      }
    />
  );
  // A churn moves the lifecycle stage (the header) and may plan an investigation activity.
  const churnCard = (
    <ChurnCard
      contactId={id}
      canChurn={canEdit && !contact.archivedAt && contact.lifecycleStage !== 'CHURNED'}
      onChanged={() =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: contactQueries.all }),
          queryClient.invalidateQueries({ queryKey: activityQueries.all }),
        ])
      }
    />
  );
  const activitiesCard = (
    <Card
      title={t('overview.activities')}
      extra={
        <Space size={4}>
          <ExportButton list="activities" params={{ contactId: id, assignee: 'all' }} />
          <PlanActivityButton contactId={id} />
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
    >
      <ActivityList
        testId="contact-activities"
        params={{ contactId: id, assignee: 'all', size: 20 }}
        showAssignee
        emptyText={t('overview.noActivities')}
      />
    </Card>
  );
  // The log form lives in the timeline; the phone's action bar jumps to it (and focuses its summary).
  const interactions = (
    <div ref={logAnchor} className="gx-log-anchor">
      <InteractionTimeline
        contactId={id}
        stats={interactionStats}
        onLogged={() => queryClient.invalidateQueries({ queryKey: activityQueries.all })}
      />
    </div>
  );

  return (
    <div className="gx-page">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Link to="/contacts">
          <ArrowLeftOutlined /> {t('overview.back')}
        </Link>
        {contact.archivedAt && <Alert type="warning" showIcon title={t('contacts.archivedNotice')} />}
        {contact.anonymisedAt && (
          <Alert type="info" showIcon title={t('contacts.anonymisedNotice')} data-testid="contact-anonymised" />
        )}
        <Card>
          <div
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              alignItems: 'flex-start',
              flexWrap: 'wrap',
              gap: 16,
            }}
          >
            <Space direction="vertical" size={4}>
              <Space align="center" wrap>
                <PageTitle data-testid="contact-name">{displayName(contact, t)}</PageTitle>
                <Tag color={STAGE_COLORS[contact.lifecycleStage]}>
                  {t(`enum.LifecycleStage.${contact.lifecycleStage}`)}
                </Tag>
                <TierTag tier={contact.abcTier} />
                <LevelTag level={contact.membershipLevel} />
                {overview.data.churnRisk && (
                  <Tag color="red" data-testid="churn-risk">
                    {t('complaints.churnRisk')}
                  </Tag>
                )}
              </Space>
              <Typography.Text type="secondary">
                {[contact.company, contact.region && t(`enum.Region.${contact.region}`), contact.city]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </Typography.Text>
              <Space wrap size={[4, 4]}>
                {contact.tags.map((tag) => (
                  <Tag key={tag} color="volcano">
                    {tag}
                  </Tag>
                ))}
              </Space>
            </Space>
            {canEdit && (
              <Space>
                <Button icon={<EditOutlined />} onClick={handleEdit} data-testid="contact-edit">
                  {t('common.edit')}
                </Button>
                {contact.archivedAt ? (
                  <Button icon={<RollbackOutlined />} loading={restore.isPending} onClick={() => restore.mutate(id)}>
                    {t('contacts.restore')}
                  </Button>
                ) : (
                  <Button danger icon={<InboxOutlined />} onClick={handleArchive}>
                    {t('contacts.archive')}
                  </Button>
                )}
              </Space>
            )}
          </div>
        </Card>
        {phone ? (
          <>
            <ContactActionBar contact={contact} onLog={handleJumpToLog} />
            {profileCard}
            {activitiesCard}
            {interactions}
            <ChurnRiskCard contactId={id} />
            {valueCard}
            {pointsCard}
            {leadsCard}
            {complaintsCard}
            {surveysCard}
            {consentCard}
            {churnCard}
          </>
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                {profileCard}
                {leadsCard}
                <ChurnRiskCard contactId={id} />
                {valueCard}
                {complaintsCard}
                {pointsCard}
                {surveysCard}
                {consentCard}
                {churnCard}
              </Space>
            </Col>
            <Col xs={24} lg={14}>
              {activitiesCard}
              {interactions}
            </Col>
          </Row>
        )}
      </Space>
      <ContactFormDrawer
        open={!!editing}
        editing={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => queryClient.invalidateQueries({ queryKey: contactQueries.all })}
        onStale={() => queryClient.invalidateQueries({ queryKey: contactQueries.all })}
      />
    </div>
  );
}
