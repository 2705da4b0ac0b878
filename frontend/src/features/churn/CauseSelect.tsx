import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ABNORMAL_CAUSES, type ChurnCause, NORMAL_CAUSES } from './api';

type CauseSelectProps = {
  value?: ChurnCause;
  onChange?: (value?: ChurnCause) => void;
  allowClear?: boolean;
  id?: string;
};

/** The cause taxonomy, grouped: normal churn (beyond our reach) and abnormal churn (what a win-back works on). */
export function CauseSelect({ value, onChange, allowClear, id }: CauseSelectProps) {
  const { t } = useTranslation();
  return (
    <Select<ChurnCause>
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      placeholder={t('churn.causeUnknown')}
      data-testid="churn-cause"
      options={[
        {
          label: t('churn.normal'),
          options: NORMAL_CAUSES.map((cause) => ({ value: cause, label: t(`churn.cause.${cause}`) })),
        },
        {
          label: t('churn.abnormal'),
          options: ABNORMAL_CAUSES.map((cause) => ({ value: cause, label: t(`churn.cause.${cause}`) })),
        },
      ]}
    />
  );
}
