import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/client';
import en from '../../lib/i18n/locales/en.json';
import zhCN from '../../lib/i18n/locales/zh-CN.json';
import { describeStepError, SLA_COLORS } from './api';

async function translator(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } } });
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
}

describe('complaint errors and SLA', () => {
  it('words an illegal transition from the state the server names, in the reader language', async () => {
    const error = new ApiError(409, {
      type: 'urn:guanxi:problem:illegal-transition',
      title: 'Illegal transition',
      status: 409,
      detail: 'A RESOLVED complaint cannot ACKNOWLEDGE',
      state: 'RESOLVED',
      allowedActions: ['FOLLOW_UP', 'REOPEN'],
    });
    expect(describeStepError(error, await translator('zh-CN'))).toBe('该投诉当前为“已解决”，请刷新后查看可进行的操作');
    expect(describeStepError(error, await translator('en'))).toContain('Resolved');
    expect(
      describeStepError(
        new ApiError(412, { type: 'urn:guanxi:problem:stale-version', title: 'Precondition failed', status: 412 }),
        await translator('en'),
      ),
    ).toBeNull();
  });

  it('has a colour and both wordings for every SLA status the server computes', async () => {
    const zh = await translator('zh-CN');
    const english = await translator('en');
    for (const status of Object.keys(SLA_COLORS)) {
      expect(zh(`complaints.sla.status.${status}`, { at: 'x' })).not.toContain('complaints.');
      expect(english(`complaints.sla.status.${status}`, { at: 'x' })).not.toContain('complaints.');
    }
    expect(english('complaints.action.BREACH_RESOLVE')).toBe('Resolution missed, escalated to a manager');
  });
});
