import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Result, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { useFormat } from '../../lib/format';
import { mergeProblemCode, mergeQueries, useUndoMerge } from './api';

/** A merge's outcome: how many records of each kind moved, the points, and its undo. */
export function MergeResultPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const merge = useQuery(mergeQueries.merge(id));
  const undo = useUndoMerge(id);

  if (merge.error) return <ErrorState error={merge.error} onRetry={() => void merge.refetch()} />;
  if (!merge.data) return <Spin />;
  const result = merge.data;

  const handleUndo = async () => {
    try {
      await undo.mutateAsync();
      message.success(t('merge.undone'));
    } catch (failure) {
      const code = mergeProblemCode(failure);
      message.error(code ? t(code) : describeError(failure, t));
    }
  };

  return (
    <div className="gx-page">
      <Card title={<PageTitle>{t('merge.resultTitle')}</PageTitle>}>
        <Result
          status={result.undoneAt ? 'info' : 'success'}
          title={
            result.undoneAt ? t('merge.undoneTitle') : t('merge.mergedTitle', { count: result.mergedIds.length + 1 })
          }
          subTitle={t('merge.when', { when: format.dateTime(result.undoneAt ?? result.createdAt) })}
          extra={
            <Link to={`/contacts/${result.survivorId}`} data-testid="merge-survivor">
              {t('merge.openSurvivor')}
            </Link>
          }
        />
        <Descriptions column={1} size="small" bordered data-testid="merge-counts">
          {Object.entries(result.moved).map(([kind, count]) => (
            <Descriptions.Item key={kind} label={t(`merge.kind.${kind}`, { defaultValue: kind })}>
              {count}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('merge.points')}>{result.pointsMoved}</Descriptions.Item>
        </Descriptions>
        {result.undoneAt ? (
          <Typography.Paragraph style={{ marginTop: 16 }} data-testid="merge-undone">
            <Tag color="blue">{t('merge.undoneTag')}</Tag>
            {(result.keptFields?.length ?? 0) > 0 &&
              t('merge.keptFields', {
                fields: result
                  .keptFields!.map((field) => t(`merge.field.${field}`, { defaultValue: field }))
                  .join('、'),
              })}
          </Typography.Paragraph>
        ) : (
          <Popconfirm
            title={t('merge.undoConfirm')}
            okText={t('merge.undo')}
            cancelText={t('common.cancel')}
            onConfirm={() => handleUndo()}
          >
            <Button danger style={{ marginTop: 16 }} loading={undo.isPending} data-testid="merge-undo">
              {t('merge.undo')}
            </Button>
          </Popconfirm>
        )}
      </Card>
    </div>
  );
}
