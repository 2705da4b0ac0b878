import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A cause with its side of the split: green for normal churn, red for abnormal, grey while unknown. */
export function CauseTag({ cause, normal }: { cause?: string | null; normal?: boolean | null }) {
  const { t } = useTranslation();
  if (!cause) return <Tag>{t('churn.causeUnknown')}</Tag>;
  return <Tag color={normal ? 'green' : 'red'}>{t(`churn.cause.${cause}`)}</Tag>;
}
