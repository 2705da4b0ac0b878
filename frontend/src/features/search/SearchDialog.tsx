import { SearchOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Input, Modal, Spin, Typography } from 'antd';
import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../components/ui/ErrorState';
import {
  MAX_QUERY,
  SEARCH_KINDS,
  type SearchHit,
  type SearchKind,
  searchQueries,
  type SearchResponse,
  targetOf,
} from './api';
import { useDebounced } from './useDebounced';

const DEBOUNCE_MS = 250;
/** Small grey text that still meets WCAG AA contrast on white (antd's secondary grey does not). */
const HINT = 'rgba(0, 0, 0, 0.65)';

/** One line of the result list: a hit of a kind, or the way to every matching contact. */
type Row = { key: string; kind: SearchKind; hit?: SearchHit; target: string };

/** The rows of an answer in display order, and where each kind's group starts and ends among them. */
function layout(data: SearchResponse | undefined, q: string) {
  const rows: Row[] = [];
  const groups = SEARCH_KINDS.map((kind) => {
    const group = data?.[kind];
    const start = rows.length;
    (group?.items ?? []).forEach((hit) =>
      rows.push({ key: `${kind}-${hit.id}`, kind, hit, target: targetOf(kind, hit) }),
    );
    if (kind === 'contacts' && group?.more) {
      rows.push({ key: 'contacts-all', kind, target: `/contacts?q=${encodeURIComponent(q)}` });
    }
    return { kind, start, end: rows.length, more: !!group?.more };
  }).filter((group) => group.end > group.start);
  return { rows, groups };
}

type SearchDialogProps = { open: boolean; onClose: () => void };

/**
 * The search dialog (Ctrl/⌘+K, or the header's search field or icon): a combobox over a grouped listbox,
 * as the WAI-ARIA combobox pattern has it: focus stays in the input, the arrows move the active option,
 * Enter opens it (the first one unless the arrows chose another), Esc closes.
 */
export function SearchDialog({ open, onClose }: SearchDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title={t('search.title')}
      destroyOnHidden
      width={640}
      styles={{ body: { paddingTop: 8 } }}
      data-testid="search-dialog"
    >
      <SearchBox onDone={onClose} />
    </Modal>
  );
}

function SearchBox({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const listId = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const results = useQuery({ ...searchQueries.results(q), enabled: q.length > 0 });
  const current = q.length > 0 && q === text.trim() && !results.isPlaceholderData && results.isSuccess;

  const { rows, groups } = layout(q.length > 0 ? results.data : undefined, q);
  const activeIndex = Math.min(active, rows.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  const go = (row: Row) => {
    onDone();
    navigate(row.target);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (rows.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = (activeIndex + step + rows.length) % rows.length;
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (current) {
        const chosen = rows[Math.max(activeIndex, 0)];
        if (chosen) go(chosen);
      } else if (text.trim()) {
        // Enter before the answer for what was typed arrived: open its first hit once it does.
        const typed = text.trim();
        queryClient.fetchQuery(searchQueries.results(typed)).then(
          (answer) => {
            const first = layout(answer, typed).rows[0];
            if (first) go(first);
          },
          () => undefined, // the list below shows the error
        );
      }
    }
  };

  const moreElsewhere = groups.some((group) => group.kind !== 'contacts' && group.more);
  const status = !text.trim()
    ? t('search.hint')
    : results.isError
      ? describeError(results.error, t)
      : current && rows.length === 0
        ? t('search.nothing', { q })
        : current
          ? t('search.shown', { count: rows.filter((row) => row.hit).length })
          : '';

  return (
    <div>
      <Input
        autoFocus
        size="large"
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={rows.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={rows.length > 0 ? optionId(activeIndex) : undefined}
        placeholder={t('search.placeholder')}
        maxLength={MAX_QUERY}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={handleKeyDown}
        prefix={<SearchOutlined aria-hidden />}
        suffix={results.isFetching ? <Spin size="small" /> : <span />}
        data-testid="search-input"
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t('search.results')}
        style={{ marginTop: 8, maxHeight: '60vh', overflowY: 'auto' }}
      >
        {groups.map((group) => (
          <div key={group.kind} role="group" aria-labelledby={`${listId}-${group.kind}`}>
            <div
              id={`${listId}-${group.kind}`}
              role="presentation"
              style={{ padding: '8px 8px 4px', fontSize: 12, fontWeight: 600, color: HINT }}
            >
              {t(`search.kinds.${group.kind}`)}
            </div>
            {rows.slice(group.start, group.end).map((row, offset) => {
              const index = group.start + offset;
              const selected = index === activeIndex;
              return (
                <div
                  key={row.key}
                  id={optionId(index)}
                  role="option"
                  aria-selected={selected}
                  data-testid={row.hit ? 'search-hit' : 'search-all-contacts'}
                  // The input keeps the focus; a click still opens the option.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => go(row)}
                  style={{
                    minHeight: 44,
                    padding: '6px 8px',
                    borderRadius: 6,
                    cursor: 'pointer',
                    display: 'flex',
                    flexDirection: 'column',
                    justifyContent: 'center',
                    background: selected ? '#fff1f0' : undefined,
                    overflowWrap: 'anywhere',
                  }}
                >
                  {row.hit ? (
                    <>
                      <span style={{ fontWeight: 500 }}>{row.hit.title ?? t('search.unnamed')}</span>
                      {row.hit.subtitle && <span style={{ fontSize: 12, color: HINT }}>{row.hit.subtitle}</span>}
                    </>
                  ) : (
                    <span style={{ color: '#a8071a' }}>{t('search.allContacts', { q })}</span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <Typography.Paragraph style={{ margin: '8px 0 0', fontSize: 12, color: HINT }} aria-live="polite">
        {status}
        {moreElsewhere && ` ${t('search.narrow')}`}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ margin: '4px 0 0', fontSize: 12, color: HINT }}>
        {t('search.keys')}
      </Typography.Paragraph>
    </div>
  );
}
