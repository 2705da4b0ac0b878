import { useQueries } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Radio, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import {
  fieldValue,
  MERGE_FIELDS,
  type MergeContact,
  type MergeField,
  mergeProblemCode,
  mergeQueries,
  useMergeContacts,
} from './api';

const ENUM_FIELDS: Partial<Record<MergeField, string>> = {
  region: 'Region',
  sourceChannel: 'SourceChannel',
  preferredChannel: 'ContactChannel',
  personalityType: 'PersonalityType',
  lifecycleStage: 'LifecycleStage',
};

/**
 * The merge screen: one card per contact, side by side where there is room and stacked on a phone; the user
 * keeps one contact and, for each field that differs, picks whose value stays with a radio in that contact's card.
 */
export function MergePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ids = useMemo(() => (params.get('ids') ?? '').split(',').filter(Boolean).slice(0, 5), [params]);
  const loaded = useQueries({ queries: ids.map((id) => mergeQueries.contact(id)) });
  const contacts = loaded.map((query) => query.data).filter((c): c is MergeContact => c !== undefined);
  const [survivorId, setSurvivorId] = useState<string>();
  const [picked, setPicked] = useState<Partial<Record<MergeField, string>>>({});
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const merge = useMergeContacts();

  const error = loaded.find((query) => query.error)?.error;
  if (error) return <ErrorState error={error} />;
  if (ids.length < 2) return <ErrorState error={new Error('ids')} />;
  if (contacts.length < ids.length) return <Spin />;

  const survivor = survivorId ?? contacts[0]?.id ?? '';
  const differing = MERGE_FIELDS.filter((field) => new Set(contacts.map((c) => fieldValue(c, field) ?? '')).size > 1);
  // A field keeps the survivor's value unless it is empty there; then the first contact that has one.
  const chosen = (field: MergeField) =>
    picked[field] ??
    (fieldValue(
      contacts.find((c) => c.id === survivor)!,
      field,
    ) !== undefined
      ? survivor
      : (contacts.find((c) => fieldValue(c, field) !== undefined)?.id ?? survivor));

  const show = (contact: MergeContact, field: MergeField) => {
    const value = fieldValue(contact, field);
    if (value === undefined) return t('merge.empty');
    if (field === 'ownerId') return contact.ownerName ?? value;
    const enumName = ENUM_FIELDS[field];
    return enumName ? t(`enum.${enumName}.${value}`) : value;
  };

  const handleMerge = async () => {
    const others = contacts.filter((c) => c.id !== survivor);
    const choices = Object.fromEntries(differing.map((field) => [field, chosen(field)]));
    try {
      const result = await merge.mutateAsync({
        idempotencyKey,
        body: {
          survivor: { id: survivor, etag: String(contacts.find((c) => c.id === survivor)!.version) },
          others: others.map((c) => ({ id: c.id, etag: String(c.version) })),
          choices,
        },
      });
      message.success(t('merge.merged'));
      void navigate(`/merges/${result.id}`);
    } catch (failure) {
      const code = mergeProblemCode(failure);
      message.error(code ? t(code) : describeError(failure, t));
    }
  };

  return (
    <div className="gx-page">
      <Card title={<PageTitle>{t('merge.mergeTitle')}</PageTitle>}>
        <Typography.Paragraph type="secondary">{t('merge.mergeHint')}</Typography.Paragraph>
        <Flex wrap gap={12} data-testid="merge-contacts">
          {contacts.map((contact, index) => (
            <Card
              key={contact.id}
              size="small"
              data-testid="merge-contact"
              style={{ flex: '1 1 260px', minWidth: 0 }}
              title={
                <Radio
                  checked={survivor === contact.id}
                  onChange={() => {
                    setSurvivorId(contact.id);
                    setPicked({});
                  }}
                >
                  {t('merge.keep', { n: index + 1 })}
                </Radio>
              }
            >
              <Typography.Text strong>{contact.name}</Typography.Text>
              <Flex vertical gap={8} style={{ marginTop: 8 }}>
                {MERGE_FIELDS.map((field) => (
                  <Flex key={field} vertical>
                    <Typography.Text type="secondary">{t(`merge.field.${field}`)}</Typography.Text>
                    {differing.includes(field) ? (
                      <Radio
                        checked={chosen(field) === contact.id}
                        disabled={fieldValue(contact, field) === undefined && field === 'lifecycleStage'}
                        onChange={() => setPicked((current) => ({ ...current, [field]: contact.id }))}
                        aria-label={`${t(`merge.field.${field}`)} ${t('merge.keep', { n: index + 1 })}`}
                        data-testid={`pick-${field}-${index}`}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {show(contact, field)}
                      </Radio>
                    ) : (
                      <Typography.Text style={{ overflowWrap: 'anywhere' }}>{show(contact, field)}</Typography.Text>
                    )}
                  </Flex>
                ))}
                <Flex vertical>
                  <Typography.Text type="secondary">{t('merge.field.tags')}</Typography.Text>
                  <Typography.Text>{contact.tags?.join('、') || t('merge.empty')}</Typography.Text>
                </Flex>
              </Flex>
            </Card>
          ))}
        </Flex>
        <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('merge.whatMoves')} />
        <Flex justify="end" style={{ marginTop: 16 }}>
          <Button
            type="primary"
            loading={merge.isPending}
            onClick={() => void handleMerge()}
            data-testid="merge-submit"
          >
            {t('merge.submit', { count: contacts.length })}
          </Button>
        </Flex>
      </Card>
    </div>
  );
}
