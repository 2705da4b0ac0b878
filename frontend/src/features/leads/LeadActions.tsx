import { App, Button, Form, Input, Modal, Select, Space, Steps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/ui/ErrorState';
import {
  type Lead,
  leadQueries,
  LOST_REASONS,
  type LostReason,
  useConvertLead,
  useMoveLead,
  useReassignLeads,
} from './api';

const PIPELINE = ['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED'] as const;

/** Where a lead stands and the next move: contacted, qualified, converted, or lost with a reason. */
export function LeadActions({
  lead,
  canMove,
  canReassign,
  onChanged,
}: {
  lead: Lead;
  canMove: boolean;
  canReassign: boolean;
  onChanged: (lead: Lead) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveLead();
  const convert = useConvertLead();
  const [losing, setLosing] = useState(false);
  const [reassigning, setReassigning] = useState(false);
  const fail = (error: unknown) => void message.error(describeError(error, t));
  const moveTo = (status: Lead['status']) =>
    move.mutate({ lead, status }, { onSuccess: (moved) => onChanged(moved), onError: fail });
  const open = lead.status !== 'CONVERTED' && lead.status !== 'LOST';
  const step = lead.status === 'LOST' ? -1 : PIPELINE.indexOf(lead.status);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="lead-actions">
      <Steps
        size="small"
        current={step}
        status={lead.status === 'LOST' ? 'error' : undefined}
        items={PIPELINE.map((status) => ({ title: t(`leads.status.${status}`) }))}
      />
      {lead.status === 'LOST' && (
        <span data-testid="lost-reason">
          {t('leads.lostBecause', {
            reason: t(`leads.lostReason.${lead.lostReasonCode ?? 'OTHER'}`),
            note: lead.lostReason ?? '',
          })}
        </span>
      )}
      <Space wrap>
        {canMove && lead.status === 'NEW' && (
          <Button type="primary" loading={move.isPending} onClick={() => moveTo('CONTACTED')}>
            {t('leads.moveTo.CONTACTED')}
          </Button>
        )}
        {canMove && lead.status === 'CONTACTED' && (
          <Button type="primary" loading={move.isPending} onClick={() => moveTo('QUALIFIED')}>
            {t('leads.moveTo.QUALIFIED')}
          </Button>
        )}
        {canMove && lead.status === 'QUALIFIED' && (
          <Button
            type="primary"
            loading={convert.isPending}
            onClick={() => convert.mutate(lead.id, { onSuccess: onChanged, onError: fail })}
          >
            {t('leads.convert')}
          </Button>
        )}
        {canMove && open && (
          <Button danger onClick={() => setLosing(true)}>
            {t('leads.markLost')}
          </Button>
        )}
        {canMove && lead.status === 'LOST' && (
          <Button loading={move.isPending} onClick={() => moveTo('NEW')}>
            {t('leads.reopen')}
          </Button>
        )}
        {canReassign && open && <Button onClick={() => setReassigning(true)}>{t('leads.reassign')}</Button>}
      </Space>
      {losing && (
        <LostDialog
          onClose={() => setLosing(false)}
          onLost={(lostReason, lostNote) =>
            move.mutate(
              { lead, status: 'LOST', lostReason, lostNote },
              {
                onSuccess: (moved) => {
                  setLosing(false);
                  onChanged(moved);
                },
                onError: fail,
              },
            )
          }
          pending={move.isPending}
        />
      )}
      {reassigning && (
        <ReassignDialog
          leadIds={[lead.id]}
          onClose={() => setReassigning(false)}
          onDone={(leads) => {
            setReassigning(false);
            if (leads[0]) onChanged(leads[0]);
          }}
        />
      )}
    </Space>
  );
}

function LostDialog({
  onClose,
  onLost,
  pending,
}: {
  onClose: () => void;
  onLost: (reason: LostReason, note?: string) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: LostReason; note?: string }>();
  return (
    <Modal
      open
      title={t('leads.markLost')}
      okText={t('leads.markLost')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" onFinish={(values) => onLost(values.reason, values.note)}>
        <Form.Item
          name="reason"
          label={t('leads.lostReasonLabel')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={LOST_REASONS.map((r) => ({ value: r, label: t(`leads.lostReason.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('leads.lostNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Hands one or many leads, with their customers and open work, to a rep, saying why. */
export function ReassignDialog({
  leadIds,
  onClose,
  onDone,
}: {
  leadIds: string[];
  onClose: () => void;
  onDone: (leads: Lead[]) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ ownerId: string; reason: string }>();
  const reps = useQuery(leadQueries.salesReps());
  const reassign = useReassignLeads();
  return (
    <Modal
      open
      title={t('leads.reassignTitle', { count: leadIds.length })}
      okText={t('leads.reassign')}
      cancelText={t('common.cancel')}
      confirmLoading={reassign.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          reassign.mutate(
            { leadIds, ...values },
            {
              onSuccess: (leads) => {
                void message.success(t('leads.reassigned', { count: leads.length }));
                onDone(leads);
              },
              onError: (error) => void message.error(describeError(error, t)),
            },
          )
        }
      >
        <Form.Item
          name="ownerId"
          label={t('leads.newOwner')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            loading={reps.isPending}
            options={(reps.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('leads.reassignReason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder={t('leads.reassignHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
