import { CopyOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Modal, QRCode, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { ApiError } from '../../lib/api/client';
import { useFormat } from '../../lib/format';
import { type SurveyInvitation, surveyProblemKey, surveyQueries, type SurveyTemplate, useInvite } from './api';

const STATUS_COLORS = { OPEN: 'blue', ANSWERED: 'green', EXPIRED: 'default' } as const;

/** A customer's surveys on the 360 view: what was asked and answered, and a new personal link to copy or show as a QR code. */
export function SurveyHistoryCard({ contactId, canInvite }: { contactId: string; canInvite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const history = useQuery(surveyQueries.history(contactId));
  const [template, setTemplate] = useState<SurveyTemplate>('NPS');
  const [qr, setQr] = useState<string>();
  const invite = useInvite({
    onSuccess: () => message.success(t('surveys.history.invited')),
    onError: (error) => {
      const key = error instanceof ApiError ? surveyProblemKey(error.problem.type) : undefined;
      message.error(key ? t(key) : describeError(error, t));
    },
  });
  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      message.success(t('surveys.history.copied'));
    } catch {
      setQr(link); // no clipboard (an insecure page): show the link to copy by hand
    }
  };
  return (
    <Card
      size="small"
      title={t('surveys.history.title')}
      data-testid="contact-surveys"
      extra={
        canInvite && (
          <Space.Compact>
            <Select
              aria-label={t('surveys.history.template')}
              value={template}
              onChange={setTemplate}
              options={(['NPS', 'CSAT'] as const).map((value) => ({ value, label: t(`surveys.template.${value}`) }))}
              style={{ width: 96 }}
            />
            <Button
              onClick={() => invite.mutate({ contactId, template })}
              loading={invite.isPending}
              data-testid="survey-invite"
            >
              {t('surveys.history.invite')}
            </Button>
          </Space.Compact>
        )
      }
    >
      {history.isPending ? (
        <Skeleton active />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => history.refetch()} />
      ) : history.data.length === 0 ? (
        <Typography.Text type="secondary">{t('surveys.history.none')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {history.data.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} onCopy={copy} onQr={setQr} />
          ))}
        </Space>
      )}
      <Modal
        open={qr !== undefined}
        onCancel={() => setQr(undefined)}
        footer={null}
        title={t('surveys.history.qrTitle')}
        centered
      >
        {qr && (
          <Space orientation="vertical" align="center" style={{ width: '100%' }}>
            <QRCode value={qr} size={220} />
            <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
              {qr}
            </Typography.Text>
          </Space>
        )}
      </Modal>
    </Card>
  );
}

function InvitationRow({
  invitation,
  onCopy,
  onQr,
}: {
  invitation: SurveyInvitation;
  onCopy: (link: string) => void;
  onQr: (link: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div data-testid="survey-invitation">
      <Space wrap size={[8, 4]}>
        <Tag>{t(`surveys.template.${invitation.template}`)}</Tag>
        <Tag color={STATUS_COLORS[invitation.status]}>{t(`surveys.status.${invitation.status}`)}</Tag>
        <Typography.Text type="secondary">
          {t(`surveys.trigger.${invitation.trigger}`)} · {format.dateTime(invitation.createdAt)}
        </Typography.Text>
        {invitation.score !== undefined && (
          <Typography.Text strong>{t('surveys.history.score', { score: invitation.score })}</Typography.Text>
        )}
      </Space>
      {invitation.comment && (
        <Typography.Paragraph style={{ margin: '4px 0 0' }}>{invitation.comment}</Typography.Paragraph>
      )}
      {invitation.status === 'OPEN' && (
        <Space wrap style={{ marginTop: 4 }}>
          <Button size="small" icon={<CopyOutlined />} onClick={() => onCopy(invitation.link)}>
            {t('surveys.history.copy')}
          </Button>
          <Button size="small" icon={<QrcodeOutlined />} onClick={() => onQr(invitation.link)}>
            {t('surveys.history.qr')}
          </Button>
        </Space>
      )}
    </div>
  );
}
