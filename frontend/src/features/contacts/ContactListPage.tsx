import { FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Drawer,
  Empty,
  Input,
  Progress,
  Select,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { ExportButton } from '../../components/ui/ExportButton';
import { PageTitle } from '../../components/ui/PageTitle';
import { SavedViews } from '../views';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { usePhone } from '../../components/ui/usePhone';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { useFormat } from '../../lib/format';
import { type Contact, type ContactListParams, contactQueries, displayName } from './api';
import { ContactFormDrawer } from './ContactFormDrawer';
import { BulkBar } from './BulkBar';
import { type BulkSelection, bulkFilterOf } from './bulkApi';
import { MaskedReach } from './MaskedReach';
import { ABC_TIERS, ENUMS, enumOptions, MEMBERSHIP_LEVELS, oneOf, STAGE_COLORS } from '../../lib/enums';
import { LevelTag, TierTag } from '../../components/ui/ValueBadges';

const PAGE_SIZE = 20;
const MAX_TAGS_SHOWN = 3;

function paramsFrom(search: URLSearchParams): ContactListParams {
  const value = (key: string) => search.get(key) || undefined;
  return {
    q: value('q'),
    lifecycleStage: oneOf(value('lifecycleStage'), ENUMS.LifecycleStage),
    region: oneOf(value('region'), ENUMS.Region),
    industry: value('industry'),
    tag: search.getAll('tag').length ? search.getAll('tag') : undefined,
    ownerId: value('ownerId'),
    abcTier: oneOf(value('abcTier'), ABC_TIERS),
    membershipLevel: oneOf(value('membershipLevel'), MEMBERSHIP_LEVELS),
    archived: search.get('archived') === 'true' ? true : undefined,
    page: Number(search.get('page') ?? 0),
    size: Number(search.get('size') ?? PAGE_SIZE),
    sort: value('sort'),
  };
}

export function ContactListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const params = paramsFrom(search);
  const [creating, setCreating] = useState(false);
  const [filtering, setFiltering] = useState(false);
  const phone = usePhone();
  const isManager = hasRole(session, 'MANAGER', 'ADMIN');
  const canCreate = hasRole(session, 'SALES_REP', 'MANAGER', 'ADMIN');
  const contacts = useQuery(contactQueries.list(params));
  // Selection for bulk actions: ticked rows with the version each showed, or "all N matching". It belongs
  // to the filters it was made under: other filters start afresh (paging and sorting keep it).
  const filterKey = JSON.stringify(bulkFilterOf(params));
  const [picked, setPicked] = useState<{ key: string; rows: Record<string, number>; allMatching: boolean }>({
    key: filterKey,
    rows: {},
    allMatching: false,
  });
  const [selectMode, setSelectMode] = useState(false);
  const selection = picked.key === filterKey ? picked : { key: filterKey, rows: {}, allMatching: false };
  const pickedIds = Object.keys(selection.rows);
  const total = contacts.data?.total ?? 0;
  // Past 1000 matches the service stops counting: total is then a lower bound ("1000+"), never shown as exact.
  const totalExact = contacts.data?.totalExact ?? true;
  const pageItems = contacts.data?.items ?? [];
  const bulkSelection: BulkSelection | null = selection.allMatching
    ? { kind: 'filter', filter: bulkFilterOf(params), total }
    : pickedIds.length
      ? { kind: 'ids', items: Object.entries(selection.rows).map(([id, version]) => ({ id, version })) }
      : null;
  const setRows = (rows: Record<string, number>) => setPicked({ key: filterKey, rows, allMatching: false });
  const toggle = (contact: Contact, checked: boolean) => {
    const rows = { ...selection.rows };
    if (checked) rows[contact.id] = contact.version;
    else delete rows[contact.id];
    setRows(rows);
  };
  const clearSelection = () => {
    setPicked({ key: filterKey, rows: {}, allMatching: false });
    setSelectMode(false);
  };
  const owners = useQuery({ ...contactQueries.owners(), enabled: isManager });

  const update = (changes: Record<string, string | string[] | undefined>) => {
    const next = new URLSearchParams(search);
    Object.entries(changes).forEach(([key, value]) => {
      next.delete(key);
      if (Array.isArray(value)) value.forEach((item) => next.append(key, item));
      else if (value) next.set(key, value);
    });
    if (!('page' in changes)) next.delete('page');
    setSearch(next, { replace: true });
  };

  const columns: TableProps<Contact>['columns'] = [
    {
      title: t('contacts.fields.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (name: string, contact) => (
        <Space direction="vertical" size={0}>
          <Link to={`/contacts/${contact.id}`}>{contact.anonymisedAt ? t('contacts.anonymised') : name}</Link>
          {contact.archivedAt && <Tag>{t('contacts.archived')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('contacts.fields.company'),
      dataIndex: 'company',
      key: 'company',
      sorter: true,
      ellipsis: true,
      render: (v?: string) => v ?? '—',
    },
    {
      title: t('contacts.fields.mobile'),
      dataIndex: 'mobile',
      key: 'mobile',
      render: (v: string | undefined, contact: Contact) => (
        <MaskedReach contactId={contact.id} kind="mobile" value={v} masked={contact.reachMasked} />
      ),
    },
    {
      title: t('contacts.fields.region'),
      dataIndex: 'region',
      key: 'region',
      render: (v?: string) => (v ? t(`enum.Region.${v}`) : '—'),
    },
    {
      title: t('contacts.fields.lifecycleStage'),
      dataIndex: 'lifecycleStage',
      key: 'lifecycleStage',
      render: (v: Contact['lifecycleStage']) => <Tag color={STAGE_COLORS[v]}>{t(`enum.LifecycleStage.${v}`)}</Tag>,
    },
    {
      title: t('tiers.valueColumn'),
      key: 'value',
      render: (_: unknown, contact: Contact) => (
        <Space size={4}>
          <TierTag tier={contact.abcTier} />
          <LevelTag level={contact.membershipLevel} />
        </Space>
      ),
    },
    {
      title: t('contacts.fields.tags'),
      dataIndex: 'tags',
      key: 'tags',
      width: 240,
      render: (tags: string[]) => (
        <Space size={[4, 4]} wrap>
          {tags.slice(0, MAX_TAGS_SHOWN).map((tag) => (
            <Tag key={tag} style={{ marginInlineEnd: 0 }}>
              {tag}
            </Tag>
          ))}
          {tags.length > MAX_TAGS_SHOWN && (
            <Tag style={{ marginInlineEnd: 0 }} title={tags.slice(MAX_TAGS_SHOWN).join(', ')}>
              +{tags.length - MAX_TAGS_SHOWN}
            </Tag>
          )}
        </Space>
      ),
    },
    ...(isManager
      ? [{ title: t('contacts.fields.owner'), dataIndex: 'ownerName', key: 'owner', render: (v?: string) => v ?? '—' }]
      : []),
    {
      title: t('contacts.fields.completeness'),
      dataIndex: 'completeness',
      key: 'completeness',
      sorter: true,
      width: 120,
      render: (v: number) => <Progress percent={v} size="small" aria-label={t('contacts.fields.completeness')} />,
    },
    {
      title: t('contacts.fields.lastContactedAt'),
      dataIndex: 'lastContactedAt',
      key: 'lastContactedAt',
      sorter: true,
      render: (v?: string) => format.date(v),
    },
  ];

  const [sortField, sortDirection] = (params.sort ?? '').split(',');
  const sortedColumns = columns.map((column) =>
    column.key === sortField
      ? { ...column, sortOrder: sortDirection === 'desc' ? ('descend' as const) : ('ascend' as const) }
      : column,
  );

  const filtersActive = !!(
    params.q ||
    params.lifecycleStage ||
    params.region ||
    params.industry ||
    params.tag ||
    params.ownerId ||
    params.abcTier ||
    params.membershipLevel
  );

  const handleTableChange: TableProps<Contact>['onChange'] = (pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = single?.order
      ? `${String(single.columnKey)},${single.order === 'descend' ? 'desc' : 'asc'}`
      : undefined;
    update({ page: String((pagination.current ?? 1) - 1), size: String(pagination.pageSize ?? PAGE_SIZE), sort });
  };

  // The same filters inline above the table on a desktop, one under the other in a drawer on a phone.
  const filters = (
    <>
      <Select
        allowClear
        style={phone ? undefined : { width: 140 }}
        aria-label={t('contacts.filters.stage')}
        placeholder={t('contacts.filters.stage')}
        value={params.lifecycleStage}
        options={enumOptions(t, 'LifecycleStage')}
        onChange={(value?: string) => update({ lifecycleStage: value })}
      />
      <Select
        allowClear
        style={phone ? undefined : { width: 140 }}
        aria-label={t('contacts.filters.region')}
        placeholder={t('contacts.filters.region')}
        value={params.region}
        options={enumOptions(t, 'Region')}
        onChange={(value?: string) => update({ region: value })}
      />
      <Select
        allowClear
        style={phone ? undefined : { width: 120 }}
        aria-label={t('tiers.filterTier')}
        placeholder={t('tiers.filterTier')}
        value={params.abcTier}
        options={ABC_TIERS.map((tier) => ({ value: tier, label: t(`tiers.abc.${tier}.label`) }))}
        onChange={(value?: string) => update({ abcTier: value })}
        data-testid="filter-tier"
      />
      <Select
        allowClear
        style={phone ? undefined : { width: 120 }}
        aria-label={t('tiers.filterLevel')}
        placeholder={t('tiers.filterLevel')}
        value={params.membershipLevel}
        options={MEMBERSHIP_LEVELS.map((level) => ({ value: level, label: t(`tiers.level.${level}`) }))}
        onChange={(value?: string) => update({ membershipLevel: value })}
      />
      <Input
        allowClear
        style={phone ? undefined : { width: 140 }}
        aria-label={t('contacts.filters.industry')}
        placeholder={t('contacts.filters.industry')}
        // Typed freely, applied on Enter or leaving the field; a new address (a saved view) shows its own value.
        key={`industry:${params.industry ?? ''}`}
        defaultValue={params.industry}
        onPressEnter={(event) => update({ industry: event.currentTarget.value })}
        onBlur={(event) => update({ industry: event.currentTarget.value })}
      />
      <Select
        mode="tags"
        allowClear
        style={phone ? undefined : { minWidth: 160 }}
        aria-label={t('contacts.filters.tag')}
        placeholder={t('contacts.filters.tag')}
        value={params.tag ?? []}
        onChange={(value: string[]) => update({ tag: value })}
        open={false}
        suffixIcon={null}
      />
      {isManager && (
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={phone ? undefined : { width: 160 }}
          aria-label={t('contacts.filters.owner')}
          placeholder={t('contacts.filters.owner')}
          value={params.ownerId}
          options={owners.data ?? []}
          onChange={(value?: string) => update({ ownerId: value })}
        />
      )}
      <Space>
        <Switch
          size="small"
          aria-label={t('contacts.showArchived')}
          checked={!!params.archived}
          onChange={(checked) => update({ archived: checked ? 'true' : undefined })}
        />
        <Typography.Text type="secondary">{t('contacts.showArchived')}</Typography.Text>
      </Space>
    </>
  );
  const filterCount = [
    params.lifecycleStage,
    params.region,
    params.industry,
    params.tag,
    params.ownerId,
    params.abcTier,
    params.membershipLevel,
    params.archived,
  ].filter(Boolean).length;

  const searchBox = (
    <Input.Search
      allowClear
      style={phone ? { flex: 1, minWidth: 0 } : { width: 380 }}
      placeholder={t('contacts.searchPlaceholder')}
      key={`q:${params.q ?? ''}`}
      defaultValue={params.q}
      onSearch={(q) => update({ q })}
      aria-label={t('common.search')}
      data-testid="contact-search"
    />
  );

  return (
    <div className="gx-page">
      <Card
        title={<PageTitle>{t('contacts.title')}</PageTitle>}
        extra={
          <Space>
            <ExportButton
              list="contacts"
              params={params}
              columns={[
                ...['name', 'company', 'mobile', 'region', 'lifecycleStage', 'abcTier', 'membershipLevel', 'tags'],
                ...(isManager ? ['owner'] : []),
                ...['completeness', 'lastContactedAt'],
              ]}
            />
            {canCreate && !phone && <Link to="/contacts/import">{t('imports.newImport')}</Link>}
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('contacts.new')}
              </Button>
            )}
          </Space>
        }
      >
        <div style={{ marginBottom: 12 }}>
          <SavedViews list="contacts" />
        </div>
        {phone ? (
          <div style={{ display: 'flex', gap: 8, marginBottom: 12 }}>
            {searchBox}
            <Badge count={filterCount} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setFiltering(true)} data-testid="contact-filters">
                {t('contacts.filters.title')}
              </Button>
            </Badge>
            {canCreate && (
              <Button
                onClick={() => (selectMode ? clearSelection() : setSelectMode(true))}
                aria-pressed={selectMode}
                data-testid="contact-select-mode"
              >
                {selectMode ? t('bulk.done') : t('bulk.select')}
              </Button>
            )}
          </div>
        ) : (
          <Space wrap style={{ marginBottom: 16 }}>
            {searchBox}
            {filters}
          </Space>
        )}
        {phone && (
          <Drawer
            open={filtering}
            onClose={() => setFiltering(false)}
            placement="right"
            title={t('contacts.filters.title')}
            data-testid="contact-filter-drawer"
            extra={
              <Button type="primary" onClick={() => setFiltering(false)}>
                {t(totalExact ? 'contacts.filters.show' : 'contacts.filters.showAtLeast', { count: total })}
              </Button>
            }
          >
            <div className="gx-filter-stack">{filters}</div>
          </Drawer>
        )}
        {bulkSelection && (
          <BulkBar
            selection={bulkSelection}
            count={selection.allMatching ? total : pickedIds.length}
            countExact={selection.allMatching ? totalExact : true}
            allMatching={
              // Offered as soon as one row is ticked (there is no header box to tick the page).
              !selection.allMatching && pickedIds.length > 0 && total > pickedIds.length
                ? { total, totalExact, onSelect: () => setPicked({ key: filterKey, rows: {}, allMatching: true }) }
                : undefined
            }
            isManager={isManager}
            owners={owners.data ?? []}
            phone={phone}
            names={Object.fromEntries(pageItems.map((c) => [c.id, displayName(c, t)]))}
            onClear={clearSelection}
          />
        )}
        {contacts.isError ? (
          <ErrorState error={contacts.error} onRetry={() => contacts.refetch()} />
        ) : (
          <ResponsiveTable<Contact>
            rowKey="id"
            data-testid="contact-table"
            loading={contacts.isFetching}
            columns={sortedColumns}
            dataSource={contacts.data?.items ?? []}
            scroll={{ x: 1000 }}
            rowSelection={
              canCreate
                ? {
                    selectedRowKeys: selection.allMatching ? pageItems.map((c) => c.id) : pickedIds,
                    preserveSelectedRowKeys: true,
                    getCheckboxProps: (contact) => ({
                      disabled: selection.allMatching,
                      'aria-label': t('bulk.selectRow', { name: displayName(contact, t) }),
                    }),
                    onSelect: (contact, checked) => toggle(contact, checked),
                    // No header checkbox: the table copies column titles into an aria-hidden measuring row, where
                    // a checkbox is focusable yet hidden (axe: aria-hidden-focus). "All N matching" is in the bar.
                    hideSelectAll: true,
                  }
                : undefined
            }
            renderCard={(contact) => (
              <ContactCard
                contact={contact}
                select={
                  selectMode || bulkSelection
                    ? {
                        checked: selection.allMatching || contact.id in selection.rows,
                        disabled: selection.allMatching,
                        onChange: (checked) => toggle(contact, checked),
                      }
                    : undefined
                }
              />
            )}
            locale={{
              emptyText: contacts.isPending ? (
                <Skeleton active />
              ) : (
                <Empty description={filtersActive ? t('contacts.empty') : t('contacts.emptyStart')} />
              ),
            }}
            onRow={(contact) => ({ onDoubleClick: () => navigate(`/contacts/${contact.id}`) })}
            onChange={handleTableChange}
            pagination={{
              current: (params.page ?? 0) + 1,
              pageSize: params.size ?? PAGE_SIZE,
              // A lower bound leaves one page more to go to: the next count reaches the end of that page.
              total: totalExact ? total : total + (params.size ?? PAGE_SIZE),
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: () => t(totalExact ? 'common.total' : 'common.totalAtLeast', { count: total }),
              // The table pages through onChange above; the cards on a phone page through this.
              onChange: phone ? (page) => update({ page: String(page - 1) }) : undefined,
            }}
          />
        )}
      </Card>
      <ContactFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(contact) => navigate(`/contacts/${contact.id}`)}
      />
    </div>
  );
}

/**
 * A contact on a phone: the name is the link to the 360 view and stretches over the whole card; the
 * mobile (masked in lists: "Show" reveals it, audited) calls on a tap, above that link.
 */
function ContactCard({
  contact,
  select,
}: {
  contact: Contact;
  /** In select mode: the card's tick box (above the card's link). */
  select?: { checked: boolean; disabled: boolean; onChange: (checked: boolean) => void };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="gx-contact-card">
      <div className="gx-contact-card-head">
        <Space size={8} align="center">
          {select && (
            <Checkbox
              className="gx-card-above"
              checked={select.checked}
              disabled={select.disabled}
              onChange={(event) => select.onChange(event.target.checked)}
              aria-label={t('bulk.selectRow', { name: displayName(contact, t) })}
              data-testid="contact-card-select"
            />
          )}
          <Link to={`/contacts/${contact.id}`} className="gx-card-link">
            {displayName(contact, t)}
          </Link>
        </Space>
        <Space size={4} wrap>
          <TierTag tier={contact.abcTier} />
          <LevelTag level={contact.membershipLevel} />
          <Tag color={STAGE_COLORS[contact.lifecycleStage]} style={{ marginInlineEnd: 0 }}>
            {t(`enum.LifecycleStage.${contact.lifecycleStage}`)}
          </Tag>
          {contact.archivedAt && <Tag style={{ marginInlineEnd: 0 }}>{t('contacts.archived')}</Tag>}
        </Space>
      </div>
      {contact.company && <div className="gx-contact-card-company">{contact.company}</div>}
      <div className="gx-contact-card-foot">
        {contact.mobile ? (
          <MaskedReach
            contactId={contact.id}
            kind="mobile"
            value={contact.mobile}
            masked={contact.reachMasked}
            icon
            className="gx-card-above"
          />
        ) : (
          <span />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {contact.lastContactedAt
            ? t('contacts.lastContacted', { at: format.date(contact.lastContactedAt) })
            : t('contacts.neverContacted')}
        </Typography.Text>
      </div>
    </div>
  );
}
