import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Any later day for an activity; its own chunk, so the today page does not load antd's date picker until asked. */
export default function RescheduleDayPicker({ onPick }: { onPick: (dueDate: string) => void }) {
  const { t } = useTranslation();
  return (
    <DatePicker
      aria-label={t('activities.pickDay')}
      onChange={(day) => day && onPick(day.format('YYYY-MM-DD'))}
      disabledDate={(day) => day.isBefore(dayjs(), 'day')}
    />
  );
}
