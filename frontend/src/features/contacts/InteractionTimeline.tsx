import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Pagination,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { NetworkError } from '../../lib/api/client';
import { useSession } from '../../lib/auth/useSession';
import { useFormat } from '../../lib/format';
import { showFieldErrors } from '../../lib/forms';
import { addToOutbox, newIdempotencyKey, removeFromOutbox, useOutbox } from '../../lib/offline/outbox';
import { type ContactOverview, contactQueries, type InteractionRequest, useLogInteraction } from './api';
import { enumOptions } from '../../lib/enums';

type LogValues = Omit<InteractionRequest, 'occurredAt' | 'nextFollowUp'> & { occurredAt?: Dayjs; nextDay?: Dayjs };

const CHANNEL_COLORS: Record<string, string> = {
  PHONE: 'blue',
  SMS: 'cyan',
  EMAIL: 'purple',
  WECHAT: 'green',
  VISIT: 'orange',
  MEETING: 'gold',
  EVENT: 'magenta',
};

export function InteractionTimeline({
  contactId,
  stats,
  onLogged,
}: {
  contactId: string;
  stats: ContactOverview['interactionStats'];
  /** Called after a log, so the page can refresh what it planned (the next follow-up). */
  onLogged?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [page, setPage] = useState(0);
  const [form] = Form.useForm<LogValues>();
  const interactions = useQuery(contactQueries.interactions(contactId, page));
  const logInteraction = useLogInteraction(contactId);
  const userId = useSession()?.userId;
  const path = `/api/v1/contacts/${contactId}/interactions`;
  const waiting = useOutbox(userId).filter((entry) => entry.path === path);

  const handleLog = async (values: LogValues) => {
    const { nextDay, occurredAt, ...interaction } = values;
    const body: InteractionRequest = {
      ...interaction,
      // The time of the submit, not of the send: a call logged offline keeps when it happened.
      occurredAt: (occurredAt ?? dayjs()).toISOString(),
      nextFollowUp: nextDay ? { dueDate: nextDay.format('YYYY-MM-DD') } : undefined,
    };
    // Made once per submit and kept with it: sent again after a lost answer, it is logged once.
    const idempotencyKey = newIdempotencyKey();
    const keepForLater = () => {
      if (!userId) return;
      addToOutbox(userId, { key: idempotencyKey, path, body, refreshes: [contactQueries.all] });
      message.info(t('offline.queued'));
      form.resetFields();
      setPage(0);
    };
    if (!navigator.onLine) {
      keepForLater();
      return;
    }
    try {
      await logInteraction.mutateAsync({ body, idempotencyKey });
      message.success(nextDay ? t('overview.loggedAndPlanned') : t('overview.logged'));
      onLogged?.();
      form.resetFields();
      setPage(0);
    } catch (error) {
      if (error instanceof NetworkError) keepForLater();
      else if (!showFieldErrors(form, error, ['channel', 'direction', 'summary', 'occurredAt', 'nextDay']))
        message.error(describeError(error, t));
    }
  };

  const waitingItems =
    page === 0
      ? waiting.map((entry) => {
          // What this form put in the outbox above.
          const logged = entry.body as InteractionRequest;
          return {
            color: entry.refused ? 'red' : 'gray',
            children: (
              <div data-testid="outbox-item">
                <Space size={8} wrap>
                  <Tag color={entry.refused ? 'error' : 'default'}>
                    {entry.refused ? t('offline.refused', { detail: entry.refused.detail }) : t('offline.waiting')}
                  </Tag>
                  <Tag color={CHANNEL_COLORS[logged.channel]}>{t(`enum.InteractionChannel.${logged.channel}`)}</Tag>
                  {logged.occurredAt && (
                    <Typography.Text type="secondary">{format.dateTime(logged.occurredAt)}</Typography.Text>
                  )}
                  {entry.refused && userId && (
                    <Button size="small" onClick={() => removeFromOutbox(userId, entry.key)}>
                      {t('offline.discard')}
                    </Button>
                  )}
                </Space>
                <div className="gx-timeline-summary">{logged.summary}</div>
              </div>
            ),
          };
        })
      : [];

  return (
    <Card
      title={t('overview.interactions')}
      extra={
        <Typography.Text type="secondary">
          {t('overview.stats', { total: stats.total, last7: stats.last7Days, last30: stats.last30Days })}
        </Typography.Text>
      }
    >
      <Form<LogValues>
        form={form}
        layout="vertical"
        onFinish={handleLog}
        initialValues={{ channel: 'PHONE', direction: 'OUTBOUND' }}
        data-testid="log-interaction"
        style={{ background: '#fafafa', padding: 16, borderRadius: 8, marginBottom: 24 }}
      >
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('overview.logTitle')}
        </Typography.Title>
        <Space wrap align="start">
          <Form.Item name="channel" label={t('overview.channel')} style={{ marginBottom: 8 }}>
            <Select style={{ width: 120 }} options={enumOptions(t, 'InteractionChannel')} />
          </Form.Item>
          <Form.Item name="direction" label={t('overview.direction')} style={{ marginBottom: 8 }}>
            <Select style={{ width: 150 }} options={enumOptions(t, 'Direction')} />
          </Form.Item>
          <Form.Item name="occurredAt" label={t('overview.occurredAt')} style={{ marginBottom: 8 }}>
            <DatePicker
              showTime
              style={{ width: 200 }}
              disabledDate={(day) => day.isAfter(dayjs())}
              placeholder={dayjs().format('YYYY-MM-DD HH:mm')}
            />
          </Form.Item>
          <Form.Item name="nextDay" label={t('overview.nextFollowUp')} style={{ marginBottom: 8 }}>
            <DatePicker
              style={{ width: 160 }}
              data-testid="next-follow-up"
              disabledDate={(day) => day.isBefore(dayjs(), 'day')}
              placeholder={t('overview.nextFollowUpHint')}
            />
          </Form.Item>
        </Space>
        <Form.Item
          name="summary"
          label={t('overview.summary')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea rows={2} maxLength={4000} placeholder={t('overview.summaryPlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={logInteraction.isPending} data-testid="log-submit">
          {t('overview.log')}
        </Button>
      </Form>
      {interactions.isError ? (
        <ErrorState error={interactions.error} onRetry={() => interactions.refetch()} />
      ) : interactions.data && interactions.data.items.length === 0 && waitingItems.length === 0 ? (
        <Empty description={t('overview.timelineEmpty')} />
      ) : (
        <>
          <Timeline
            data-testid="timeline"
            items={[
              ...waitingItems,
              ...(interactions.data?.items ?? []).map((interaction) => ({
                color: CHANNEL_COLORS[interaction.channel] ?? 'gray',
                children: (
                  <div>
                    <Space size={8} wrap>
                      <Tag color={CHANNEL_COLORS[interaction.channel]}>
                        {t(`enum.InteractionChannel.${interaction.channel}`)}
                      </Tag>
                      <Typography.Text type="secondary">{t(`enum.Direction.${interaction.direction}`)}</Typography.Text>
                      <Typography.Text type="secondary">{format.dateTime(interaction.occurredAt)}</Typography.Text>
                      {interaction.authorName && (
                        <Typography.Text type="secondary">
                          {t('overview.by', { name: interaction.authorName })}
                        </Typography.Text>
                      )}
                    </Space>
                    <div className="gx-timeline-summary">{interaction.summary}</div>
                  </div>
                ),
              })),
            ]}
          />
          {(interactions.data?.total ?? 0) > 20 && (
            <Pagination
              size="small"
              current={page + 1}
              pageSize={20}
              total={interactions.data?.total}
              onChange={(p) => setPage(p - 1)}
            />
          )}
        </>
      )}
    </Card>
  );
}
