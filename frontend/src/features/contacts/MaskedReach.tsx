import { PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/ui/ErrorState';
import { reachQueries } from './api';

type Props = {
  contactId: string;
  kind: 'mobile' | 'email';
  /** The value as the service answered it: masked when `masked`. */
  value?: string;
  masked: boolean;
  /** Show the phone icon before a mobile (the list's cards). */
  icon?: boolean;
  className?: string;
};

/** The reach of a contact after a reveal, when it was masked: the mobile and email in full, or undefined. */
export function useRevealedReach(contactId: string) {
  return useQuery(reachQueries.reveal(contactId));
}

/**
 * A mobile (tap to call) or email (tap to write); when the service masked it, the masked value and a
 * "Show" button that reveals both in full (audited).
 */
export function MaskedReach({ contactId, kind, value, masked, icon, className }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reach = useRevealedReach(contactId);
  const full = masked ? reach.data?.[kind] : value;
  if (!value) return <span>—</span>;
  if (full) {
    const href = kind === 'mobile' ? `tel:${full.replace(/\s/g, '')}` : `mailto:${full}`;
    return (
      <a href={href} className={className} data-testid={`reach-${kind}`}>
        {icon && <PhoneOutlined />} {full}
      </a>
    );
  }
  const handleReveal = async () => {
    const result = await reach.refetch();
    if (result.error) void message.error(describeError(result.error, t));
  };
  return (
    <Space size={4} className={className} wrap>
      <Typography.Text data-testid={`masked-${kind}`}>
        {icon && <PhoneOutlined />} {value}
      </Typography.Text>
      <Button
        size="small"
        type="link"
        loading={reach.isFetching}
        onClick={() => void handleReveal()}
        aria-label={t(kind === 'mobile' ? 'contacts.revealMobile' : 'contacts.revealEmail')}
        data-testid={`reveal-${kind}`}
      >
        {t('contacts.reveal')}
      </Button>
    </Space>
  );
}
