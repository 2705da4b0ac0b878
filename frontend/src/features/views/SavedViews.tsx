import { DeleteOutlined, EditOutlined, SaveOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Switch } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { describeError } from '../../components/ui/ErrorState';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { validValues } from '../../lib/forms';
import {
  applyView,
  LIST_NAMES,
  queryOf,
  sameQuery,
  type SavedView,
  useChangeView,
  useCreateView,
  useDeleteView,
  useToggleDefault,
  type ViewList,
  viewQueries,
} from './api';

type SavedViewsProps = { list: ViewList };

/** Grey enough for AA contrast on white (antd's group titles and placeholders are lighter). */
const MUTED = 'rgba(0, 0, 0, 0.65)';
const groupLabel = (text: string) => <span style={{ color: MUTED }}>{text}</span>;

/**
 * Saved views of a list: pick one (yours and the team's), save the current filters as a new one, rename,
 * share (managers), delete yours, make one your default — opened when you come to the list without a query.
 *
 * How to place it: put `<SavedViews list="contacts" />` (or "leads", "complaints") in the list page's
 * toolbar, inside the page's router context. It reads and writes the page's URL query (the parameters in
 * `VIEW_PARAMETERS`, see ./api.ts), so the page must keep its filters, sort and page size in the URL and
 * read them back from it — which is all the page needs to do. It wraps on a phone (390 px).
 */
export function SavedViews({ list }: SavedViewsProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const session = useSession();
  const [search, setSearch] = useSearchParams();
  const views = useQuery(viewQueries.list(list));
  const toggleDefault = useToggleDefault();
  const deleteView = useDeleteView();
  const [dialog, setDialog] = useState<{ mode: 'create' } | { mode: 'rename'; view: SavedView } | null>(null);

  const current = queryOf(list, search);
  const items = views.data?.items ?? [];
  // Two views may hold the same query: the one last picked or saved is shown, else the default.
  const [chosenId, setChosenId] = useState<string>();
  const matching = items.filter((view) => sameQuery(view.query, current));
  const active =
    matching.find((view) => view.id === chosenId) ?? matching.find((view) => view.isDefault) ?? matching[0];

  // The first visit to a list without a query opens the user's default view, once.
  const [arrivedWithoutQuery] = useState(() => Object.keys(queryOf(list, search)).length === 0);
  const defaultApplied = useRef(false);
  useEffect(() => {
    if (defaultApplied.current || !views.data) return;
    defaultApplied.current = true;
    const preferred = views.data.items.find((view) => view.isDefault);
    if (arrivedWithoutQuery && preferred) setSearch(applyView(list, preferred.query, search), { replace: true });
  }, [views.data, arrivedWithoutQuery, list, search, setSearch]);

  const handleError = (error: unknown) => message.error(describeError(error, t));
  const open = (view: SavedView) => {
    setChosenId(view.id);
    setSearch(applyView(list, view.query, search), { replace: true });
  };

  const mine = items.filter((view) => view.mine);
  const shared = items.filter((view) => !view.mine);
  const label = (view: SavedView) => (
    <span>
      {view.isDefault && <StarFilled aria-hidden style={{ color: '#d48806', marginInlineEnd: 4 }} />}
      {view.name}
    </span>
  );
  const options = [
    ...(mine.length
      ? [{ label: groupLabel(t('views.mine')), options: mine.map((view) => ({ value: view.id, label: label(view) })) }]
      : []),
    ...(shared.length
      ? [
          {
            label: groupLabel(t('views.shared')),
            options: shared.map((view) => ({ value: view.id, label: label(view) })),
          },
        ]
      : []),
  ];

  const handleToggleDefault = (view: SavedView) =>
    toggleDefault.mutate(view, {
      onSuccess: () => message.success(view.isDefault ? t('views.defaultCleared') : t('views.defaultSet')),
      onError: handleError,
    });
  const handleDelete = (view: SavedView) =>
    modal.confirm({
      title: t('views.deleteConfirm', { name: view.name }),
      okText: t('views.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        deleteView.mutateAsync(view).then(
          () => message.success(t('views.deleted')),
          (error: unknown) => handleError(error),
        ),
    });

  return (
    <Space wrap size={8} data-testid={`saved-views-${list}`}>
      <Select
        aria-label={t('views.label')}
        placeholder={t('views.placeholder')}
        loading={views.isLoading}
        value={active?.id}
        options={options}
        onChange={(id: string) => {
          const view = items.find((item) => item.id === id);
          if (view) open(view);
        }}
        notFoundContent={views.isError ? describeError(views.error, t) : t('views.none')}
        style={{ minWidth: 180, maxWidth: '100%' }}
        // The placeholder names the control, so it gets text contrast.
        styles={{ placeholder: { color: MUTED } }}
        popupMatchSelectWidth={false}
        data-testid="saved-views-select"
      />
      {/* Buttons rather than a menu: each action is one tap on a phone, and named for screen readers. */}
      <Button
        icon={<SaveOutlined />}
        aria-label={t('views.saveAs')}
        title={t('views.saveAs')}
        onClick={() => setDialog({ mode: 'create' })}
        data-testid="saved-views-save"
      />
      {active && (
        <Button
          icon={active.isDefault ? <StarFilled style={{ color: '#d48806' }} /> : <StarOutlined />}
          aria-label={active.isDefault ? t('views.clearDefault') : t('views.makeDefault')}
          title={active.isDefault ? t('views.clearDefault') : t('views.makeDefault')}
          loading={toggleDefault.isPending}
          onClick={() => handleToggleDefault(active)}
          data-testid="saved-views-default"
        />
      )}
      {active?.mine && (
        <Button
          icon={<EditOutlined />}
          aria-label={t('views.rename')}
          title={t('views.rename')}
          onClick={() => setDialog({ mode: 'rename', view: active })}
          data-testid="saved-views-rename"
        />
      )}
      {active?.mine && (
        <Button
          danger
          icon={<DeleteOutlined />}
          aria-label={t('views.delete')}
          title={t('views.delete')}
          onClick={() => handleDelete(active)}
          data-testid="saved-views-delete"
        />
      )}
      {dialog && (
        <ViewDialog
          list={list}
          editing={dialog.mode === 'rename' ? dialog.view : undefined}
          mayShare={hasRole(session, 'MANAGER', 'ADMIN')}
          onSave={(saved) => {
            setDialog(null);
            setChosenId(saved.id);
            message.success(t('views.saved'));
          }}
          onCancel={() => setDialog(null)}
          query={current}
        />
      )}
    </Space>
  );
}

type ViewDialogProps = {
  list: ViewList;
  editing?: SavedView;
  mayShare: boolean;
  query: SavedView['query'];
  onSave: (saved: SavedView) => void;
  onCancel: () => void;
};

/** Saves the current query under a new name, or renames (and, for managers, shares) a view of one's own. */
function ViewDialog({ list, editing, mayShare, query, onSave, onCancel }: ViewDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  const create = useCreateView();
  const change = useChangeView();

  const handleOk = async () => {
    const values = await validValues(form);
    if (!values) return;
    const name = values.name.trim();
    const shared = mayShare && !!values.shared;
    const onError = (error: unknown) => message.error(describeError(error, t));
    if (editing) {
      change.mutate({ view: editing, name, shared }, { onSuccess: onSave, onError });
    } else {
      create.mutate({ list: LIST_NAMES[list], name, query, shared }, { onSuccess: onSave, onError });
    }
  };

  return (
    <Modal
      open
      title={editing ? t('views.rename') : t('views.saveAs')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void handleOk()}
      onCancel={onCancel}
      confirmLoading={create.isPending || change.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        name="saved-view"
        layout="vertical"
        initialValues={{ name: editing?.name ?? '', shared: editing?.shared ?? false }}
        onFinish={() => void handleOk()}
      >
        <Form.Item
          name="name"
          label={t('views.name')}
          rules={[{ required: true, whitespace: true, max: 60, message: t('views.nameRule') }]}
        >
          <Input autoFocus maxLength={60} data-testid="saved-view-name" />
        </Form.Item>
        {mayShare && (
          <Form.Item name="shared" label={t('views.shareWithTeam')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
