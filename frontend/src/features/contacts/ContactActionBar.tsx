import { EditOutlined, PhoneOutlined, WechatOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { PlanActivityButton } from '../activities';
import type { Contact } from './api';
import { useRevealedReach } from './MaskedReach';

/**
 * What a rep does on a customer's page from a phone, at the top and staying there while the page
 * scrolls: call (revealing a masked number first), copy the WeChat ID (to add them in WeChat), log what was said, plan the next step.
 */
export function ContactActionBar({ contact, onLog }: { contact: Contact; onLog: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const wechatId = contact.wechatId;
  const reach = useRevealedReach(contact.id);
  // Masked for a service agent: the first tap reveals the number (audited) and calls it.
  const mobile = contact.reachMasked ? reach.data?.mobile : contact.mobile;

  const handleRevealAndCall = async () => {
    const result = await reach.refetch();
    if (result.data?.mobile) window.location.href = `tel:${result.data.mobile.replace(/\s/g, '')}`;
  };

  const handleCopyWechat = async () => {
    if (!wechatId) return;
    try {
      await navigator.clipboard.writeText(wechatId);
      void message.success(t('overview.actions.wechatCopied', { id: wechatId }));
    } catch {
      // No clipboard (a page served without TLS, a denied permission): show the ID to copy by hand.
      void message.info(t('overview.actions.wechatCopyByHand', { id: wechatId }), 8);
    }
  };

  return (
    <div className="gx-action-bar" role="group" aria-label={t('overview.actions.title')} data-testid="contact-actions">
      <Button
        icon={<PhoneOutlined />}
        href={mobile ? `tel:${mobile.replace(/\s/g, '')}` : undefined}
        onClick={mobile ? undefined : () => void handleRevealAndCall()}
        disabled={!contact.mobile}
        data-testid="action-call"
      >
        {t('overview.actions.call')}
      </Button>
      <Button
        icon={<WechatOutlined />}
        disabled={!wechatId}
        onClick={() => void handleCopyWechat()}
        data-testid="action-wechat"
      >
        {t('overview.actions.wechat')}
      </Button>
      <Button icon={<EditOutlined />} onClick={onLog} data-testid="action-log">
        {t('overview.actions.log')}
      </Button>
      <PlanActivityButton contactId={contact.id} label={t('overview.actions.plan')} testId="action-plan" />
    </div>
  );
}
