import { DownloadOutlined, InboxOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Grid,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/ui/PageTitle';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import {
  IMPORT_DECISIONS,
  IMPORT_FIELDS,
  downloadErrors,
  importQueries,
  useCommitImport,
  useDecideImport,
  useMapImport,
  useUndoImport,
  useUploadImport,
  type ContactImport,
  type ImportDecision,
  type ImportField,
} from './api';
import { describeImportError } from './problems';

/** The import wizard (docs/import.md): upload, mapping, preview with problems and duplicates, decisions, commit, undo. */
export function ImportPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const { message } = App.useApp();
  const upload = useUploadImport();

  const handleFile = (file: File) => {
    upload.mutate(file, {
      onSuccess: (created) => setParams({ id: created.id }),
      onError: (error) => void message.error(describeImportError(error, t)),
    });
    return false;
  };

  return (
    <div className="gx-page">
      <Card
        title={<PageTitle>{t('imports.title')}</PageTitle>}
        extra={<Link to="/contacts">{t('imports.backToContacts')}</Link>}
      >
        {screens.md === false ? (
          <Alert type="info" showIcon title={t('imports.useComputer')} data-testid="import-use-computer" />
        ) : (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Upload.Dragger
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              beforeUpload={handleFile}
              showUploadList={false}
              disabled={upload.isPending}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t('imports.drop')}</p>
              <Typography.Text type="secondary">{t('imports.formats')}</Typography.Text>
            </Upload.Dragger>
            {id && <ImportDetail id={id} />}
          </Space>
        )}
      </Card>
    </div>
  );
}

function ImportDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery(importQueries.detail(id));
  if (query.isPending) return null;
  if (query.isError) return <Alert type="error" title={describeImportError(query.error, t)} />;
  return <ImportSteps key={`${query.data.id}-${query.data.version}`} current={query.data} />;
}

function ImportSteps({ current }: { current: ContactImport }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The service refuses an owner column from anyone else.
  const mayMapOwner = hasRole(useSession(), 'MANAGER', 'ADMIN');
  const [fields, setFields] = useState<(ImportField | null)[]>(current.columns?.map((c) => c.field ?? null) ?? []);
  const [decisions, setDecisions] = useState<Record<string, ImportDecision>>(
    Object.fromEntries((current.groups ?? []).map((g) => [g.id ?? '', g.decision ?? 'SKIP'])),
  );
  const map = useMapImport();
  const decide = useDecideImport();
  const commit = useCommitImport();
  const undo = useUndoImport();
  const editable = current.state === 'PREVIEW' || current.state === 'FAILED';
  const onError = (error: unknown) => void message.error(describeImportError(error, t));
  const counts = current.counts;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="import-detail">
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('imports.file')}>{current.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('imports.format')}>
          {current.format}
          {current.encoding ? ` · ${current.encoding}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('imports.state')}>
          <Tag data-testid="import-state">{t(`imports.states.${current.state ?? 'PREVIEW'}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('imports.rows')}>{counts?.rows}</Descriptions.Item>
        <Descriptions.Item label={t('imports.valid')}>{counts?.valid}</Descriptions.Item>
        <Descriptions.Item label={t('imports.invalid')}>{counts?.invalid}</Descriptions.Item>
      </Descriptions>

      <section aria-labelledby="import-mapping">
        <Typography.Title level={2} id="import-mapping" style={{ fontSize: 16 }}>
          {t('imports.mapping')}
        </Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey="index"
          dataSource={current.columns ?? []}
          columns={[
            { title: t('imports.column'), dataIndex: 'letter', width: 80 },
            { title: t('imports.header'), dataIndex: 'header' },
            {
              title: t('imports.field'),
              key: 'field',
              render: (_, column) => (
                <Select
                  aria-label={t('imports.fieldOf', { header: column.header || column.letter })}
                  style={{ minWidth: 160 }}
                  allowClear
                  disabled={!editable}
                  placeholder={t('imports.ignored')}
                  value={fields[column.index ?? -1] ?? undefined}
                  onChange={(value?: ImportField) =>
                    setFields((old) => old.map((f, i) => (i === column.index ? (value ?? null) : f)))
                  }
                  options={IMPORT_FIELDS.filter((f) => f !== 'OWNER' || mayMapOwner).map((f) => ({
                    value: f,
                    label: t(`imports.fields.${f}`),
                  }))}
                  data-testid={`import-field-${column.index}`}
                />
              ),
            },
            {
              title: t('imports.samples'),
              key: 'samples',
              render: (_, column) => (
                <Typography.Text type="secondary">{(column.samples ?? []).join(' · ')}</Typography.Text>
              ),
            },
          ]}
        />
        {editable && (
          <Button
            style={{ marginTop: 8 }}
            loading={map.isPending}
            onClick={() => map.mutate({ current, fields }, { onError })}
            data-testid="import-apply-mapping"
          >
            {t('imports.applyMapping')}
          </Button>
        )}
      </section>

      <section aria-labelledby="import-problems">
        <Typography.Title level={2} id="import-problems" style={{ fontSize: 16 }}>
          {t('imports.problems', { count: counts?.invalid ?? 0 })}
        </Typography.Title>
        {(current.problems ?? []).length > 0 && (
          <>
            <Table
              size="small"
              pagination={{ pageSize: 10 }}
              rowKey={(p) => `${p.row}-${p.column}-${p.code}`}
              dataSource={current.problems ?? []}
              columns={[
                { title: t('imports.row'), dataIndex: 'row', width: 80 },
                { title: t('imports.column'), dataIndex: 'column', width: 80 },
                {
                  title: t('imports.message'),
                  key: 'code',
                  render: (_, p) => t(`imports.codes.${p.code}`, { defaultValue: p.code }),
                },
              ]}
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadErrors(current.id).catch(onError)}
              data-testid="import-errors"
            >
              {t('imports.downloadErrors')}
            </Button>
          </>
        )}
      </section>

      <section aria-labelledby="import-groups">
        <Typography.Title level={2} id="import-groups" style={{ fontSize: 16 }}>
          {t('imports.groups', { count: counts?.groups ?? 0 })}
        </Typography.Title>
        {(current.groups ?? []).length > 0 && (
          <>
            <Table
              size="small"
              pagination={{ pageSize: 10 }}
              rowKey="id"
              dataSource={current.groups ?? []}
              columns={[
                { title: t('imports.rowsOfFile'), key: 'rows', render: (_, g) => (g.rows ?? []).join(', ') },
                {
                  title: t('imports.kind'),
                  key: 'kind',
                  render: (_, g) => (
                    <Tag color={g.kind === 'SURE' ? 'red' : 'gold'}>{t(`imports.kinds.${g.kind ?? 'MAYBE'}`)}</Tag>
                  ),
                },
                {
                  title: t('imports.existing'),
                  key: 'existing',
                  render: (_, g) =>
                    (g.existing ?? []).length === 0
                      ? t('imports.withinFile')
                      : (g.existing ?? []).map((e, i) =>
                          e.visibleToYou && e.id ? (
                            <Link key={e.id} to={`/contacts/${e.id}`} style={{ marginRight: 8 }}>
                              {e.name}
                            </Link>
                          ) : (
                            <Typography.Text key={i} type="secondary">
                              {t('imports.othersCustomer')}
                            </Typography.Text>
                          ),
                        ),
                },
                {
                  title: t('imports.decision'),
                  key: 'decision',
                  render: (_, g) => (
                    <Select
                      aria-label={t('imports.decisionOf', { rows: (g.rows ?? []).join(', ') })}
                      style={{ minWidth: 150 }}
                      disabled={!editable}
                      value={decisions[g.id ?? '']}
                      onChange={(value: ImportDecision) => setDecisions((old) => ({ ...old, [g.id ?? '']: value }))}
                      options={IMPORT_DECISIONS.map((d) => ({ value: d, label: t(`imports.decisions.${d}`) }))}
                      data-testid={`import-decision-${g.id}`}
                    />
                  ),
                },
              ]}
            />
            {editable && (
              <Button
                loading={decide.isPending}
                onClick={() => decide.mutate({ current, groups: decisions }, { onError })}
                data-testid="import-save-decisions"
              >
                {t('imports.saveDecisions')}
              </Button>
            )}
          </>
        )}
      </section>

      {editable && (
        <Button
          type="primary"
          loading={commit.isPending}
          disabled={(counts?.valid ?? 0) === 0}
          onClick={() => commit.mutate(current, { onError })}
          data-testid="import-commit"
        >
          {t('imports.commit', { count: counts?.valid ?? 0 })}
        </Button>
      )}
      {current.state === 'COMMITTING' && (
        <Progress
          aria-label={t('imports.progress')}
          percent={
            current.job?.total ? Math.round((100 * (current.job.processed ?? 0)) / Math.max(1, current.job.total)) : 0
          }
        />
      )}
      {current.result && (
        <Alert
          type={current.state === 'UNDONE' ? 'info' : 'success'}
          showIcon
          data-testid="import-result"
          title={
            current.state === 'UNDONE'
              ? t('imports.undoneResult', {
                  removed: current.result.removed ?? 0,
                  restored: current.result.fieldsRestored ?? 0,
                  kept: current.result.fieldsKept ?? 0,
                })
              : t('imports.result', {
                  created: current.result.created,
                  updated: current.result.updated,
                  skipped: current.result.skipped,
                  invalid: current.result.invalid,
                })
          }
        />
      )}
      {current.state === 'COMMITTED' && (
        <Popconfirm
          title={t('imports.undoConfirm')}
          okText={t('imports.undo')}
          cancelText={t('common.cancel')}
          onConfirm={() => undo.mutate(current, { onError })}
        >
          <Button danger icon={<UndoOutlined />} loading={undo.isPending} data-testid="import-undo">
            {t('imports.undo')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
