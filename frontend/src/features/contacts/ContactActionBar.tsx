import { EditOutlined, PhoneOutlined, WechatOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { PlanActivityButton } from '../activities';
import type { Contact } from './api';

/**
 * What a rep does on a customer's page from a phone, at the top and staying there while the page
 * scrolls: call, copy the WeChat ID (to add them in WeChat), log what was said, plan the next step.
 */
export function ContactActionBar({ contact, onLog }: { contact: Contact; onLog: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const wechatId = contact.wechatId;

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
        href={contact.mobile ? `tel:${contact.mobile.replace(/\s/g, '')}` : undefined}
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
