import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactQueries } from './api';

/** Picks the customer who referred this one, by searching the contacts the user can see. */
export function ReferrerSelect({
  id,
  value,
  onChange,
  currentName,
  excludeId,
}: {
  /** From the Form.Item: the id its label points at. */
  id?: string;
  value?: string;
  onChange?: (value?: string) => void;
  currentName?: string;
  excludeId?: string;
}) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const found = useQuery(contactQueries.referrerSearch(term));
  const options = (found.data?.items ?? [])
    .filter((c) => c.id !== excludeId)
    .map((c) => ({ value: c.id, label: c.mobile ? `${c.name} · ${c.mobile}` : c.name }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: currentName ?? t('contacts.referrerHidden') });
  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(v) => onChange?.(v)}
      onSearch={setTerm}
      loading={found.isFetching}
      options={options}
      placeholder={t('contacts.referrerPlaceholder')}
      notFoundContent={term ? t('contacts.referrerNone') : null}
      data-testid="referrer-select"
    />
  );
}
