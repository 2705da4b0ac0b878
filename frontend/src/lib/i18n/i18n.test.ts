import { describe, expect, it } from 'vitest';
import { ENUMS } from '../enums';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe('translations', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('have no empty message', () => {
    for (const messages of [en, zhCN]) {
      for (const key of keys(messages)) expect(lookup(messages, key), key).not.toBe('');
    }
  });

  it('name every value of every enum of the contract', () => {
    for (const [name, values] of Object.entries(ENUMS)) {
      for (const value of values) {
        expect(lookup(en, `enum.${name}.${value}`), `en enum.${name}.${value}`).toBeTypeOf('string');
        expect(lookup(zhCN, `enum.${name}.${value}`), `zh-CN enum.${name}.${value}`).toBeTypeOf('string');
      }
    }
  });

  it('label every contact field the service can name in a validation error', () => {
    const fields = [
      'name',
      'mobile',
      'email',
      'wechatId',
      'company',
      'industry',
      'region',
      'city',
      'birthday',
      'sourceChannel',
      'preferredChannel',
      'tags',
      'hiddenNeeds',
      'personalityType',
      'lifecycleStage',
      'ownerId',
      'marketingConsent',
    ];
    for (const field of fields) expect(lookup(zhCN, `contacts.fields.${field}`), field).toBeTypeOf('string');
  });
});
