import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { enumOptions } from '../../lib/enums';
import { useFormat } from '../../lib/format';
import { type ConsentEntry, consentQueries, type ConsentRequest, type ConsentState, useRecordConsent } from './api';
import { ScoreExplanationDrawer } from './ScoreExplanationDrawer';

const STATUS_COLORS: Record<ConsentState['status'], string> = {
  GRANTED: 'green',
  GRANTED_ON_PROFILE: 'green',
  NOT_REQUIRED: 'blue',
  NOT_GIVEN: 'default',
  WITHDRAWN: 'red',
};

type Asking = { purpose: ConsentState; decision: ConsentRequest['decision']; key: string };

/** The purpose's name in the reader's language. */
export function purposeName(purpose: { nameZh: string; nameEn: string }, language: string) {
  return language.startsWith('zh') ? purpose.nameZh : purpose.nameEn;
}

/**
 * Consents on the 360 view (PIPL Art. 13–16, 24): the state per purpose, granting and withdrawing in one tap each
 * (withdrawal as easy as granting), the ledger, and the explanation of the customer's scores. `onChanged` lets the
 * page refresh what a decision changes elsewhere (an objection to profiling removes scores).
 */
export function ConsentCard({ contactId, onChanged }: { contactId: string; onChanged: () => unknown }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const consents = useQuery(consentQueries.contact(contactId));
  const [asking, setAsking] = useState<Asking>();
  const [explaining, setExplaining] = useState(false);
  const [form] = Form.useForm<{ channel: ConsentRequest['channel']; evidence?: string }>();
  const record = useRecordConsent({
    onSuccess: async () => {
      message.success(t('consent.recorded'));
      setAsking(undefined);
      form.resetFields();
      await onChanged();
    },
    onError: (error) => message.error(describeError(error, t)),
  });

  const ask = (purpose: ConsentState, decision: ConsentRequest['decision']) =>
    setAsking({ purpose, decision, key: crypto.randomUUID() });

  const handleSubmit = ({ channel, evidence }: { channel: ConsentRequest['channel']; evidence?: string }) => {
    if (!asking) return;
    record.mutate({
      contactId,
      key: asking.key,
      body: { purpose: asking.purpose.purpose, decision: asking.decision, channel, evidence: evidence || undefined },
    });
  };

  // For a purpose on another legal basis than consent, a withdrawal is an objection (profiling).
  const actionLabel = (purpose: ConsentState) => {
    const consentBased = purpose.legalBasis === 'CONSENT';
    if (purpose.allowed) return t(consentBased ? 'consent.withdraw' : 'consent.object');
    return t(consentBased ? 'consent.grant' : 'consent.withdrawObjection');
  };

  const entryText = (entry: ConsentEntry) => {
    const purpose = consents.data?.purposes.find((p) => p.purpose === entry.purpose);
    return purpose ? purposeName(purpose, i18n.language) : entry.purpose;
  };

  return (
    <Card
      size="small"
      title={t('consent.title')}
      data-testid="consent-card"
      loading={consents.isPending}
      extra={
        <Button size="small" onClick={() => setExplaining(true)} data-testid="explain-scores">
          {t('consent.explainScores')}
        </Button>
      }
    >
      {consents.isError ? (
        <ErrorState error={consents.error} onRetry={() => consents.refetch()} />
      ) : (
        consents.data && (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <List
              size="small"
              dataSource={consents.data.purposes}
              renderItem={(purpose) => (
                <List.Item
                  data-testid={`consent-${purpose.purpose}`}
                  actions={
                    purpose.active
                      ? [
                          <Button
                            key="act"
                            size="small"
                            danger={purpose.allowed}
                            onClick={() => ask(purpose, purpose.allowed ? 'WITHDRAWN' : 'GRANTED')}
                            data-testid={`consent-action-${purpose.purpose}`}
                          >
                            {actionLabel(purpose)}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                    <Typography.Text strong>{purposeName(purpose, i18n.language)}</Typography.Text>
                    <Space wrap size={[4, 4]}>
                      <Tag color={STATUS_COLORS[purpose.status]} data-testid={`consent-status-${purpose.purpose}`}>
                        {t(`enum.ConsentStatus.${purpose.status}`)}
                      </Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`enum.LegalBasis.${purpose.legalBasis}`)}
                        {purpose.since ? ` · ${format.dateTime(purpose.since)}` : ''}
                      </Typography.Text>
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
            <Collapse
              size="small"
              ghost
              items={[
                {
                  key: 'ledger',
                  label: t('consent.ledger', { count: consents.data.ledger.length }),
                  children:
                    consents.data.ledger.length === 0 ? (
                      <Typography.Text type="secondary">{t('consent.noEntries')}</Typography.Text>
                    ) : (
                      <List
                        size="small"
                        data-testid="consent-ledger"
                        dataSource={consents.data.ledger}
                        renderItem={(entry) => (
                          <List.Item>
                            <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                              <Space wrap size={[4, 4]}>
                                <Tag color={entry.decision === 'GRANTED' ? 'green' : 'red'}>
                                  {t(`enum.ConsentDecision.${entry.decision}`)}
                                </Tag>
                                <Typography.Text>{entryText(entry)}</Typography.Text>
                              </Space>
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {[
                                  format.dateTime(entry.recordedAt),
                                  t(`enum.ConsentChannel.${entry.channel}`),
                                  entry.recordedByName,
                                ]
                                  .filter(Boolean)
                                  .join(' · ')}
                              </Typography.Text>
                              {entry.redacted ? (
                                <Typography.Text type="secondary" italic>
                                  {t('consent.redacted')}
                                </Typography.Text>
                              ) : (
                                entry.evidence && (
                                  <Typography.Text style={{ overflowWrap: 'anywhere' }}>
                                    {entry.evidence}
                                  </Typography.Text>
                                )
                              )}
                            </Space>
                          </List.Item>
                        )}
                      />
                    ),
                },
              ]}
            />
          </Space>
        )
      )}
      <Modal
        open={!!asking}
        title={
          asking &&
          t(asking.decision === 'GRANTED' ? 'consent.grantTitle' : 'consent.withdrawTitle', {
            purpose: purposeName(asking.purpose, i18n.language),
          })
        }
        okText={t('consent.record')}
        onOk={() => form.submit()}
        confirmLoading={record.isPending}
        onCancel={() => setAsking(undefined)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={handleSubmit} initialValues={{ channel: 'PHONE' }}>
          <Form.Item name="channel" label={t('consent.channel')} rules={[{ required: true }]}>
            <Select options={enumOptions(t, 'ConsentChannel')} data-testid="consent-channel" />
          </Form.Item>
          <Form.Item name="evidence" label={t('consent.evidence')} extra={t('consent.evidenceHint')}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="consent-evidence" />
          </Form.Item>
          <Typography.Text type="secondary">{t('consent.serviceNote')}</Typography.Text>
        </Form>
      </Modal>
      <ScoreExplanationDrawer contactId={contactId} open={explaining} onClose={() => setExplaining(false)} />
    </Card>
  );
}
