import type { TFunction } from 'i18next';
import type { components } from './api/schema';

type Schemas = components['schemas'];

/** Every value of each enum in the contract, in display order (checked against the schema by tsc). */
export const ENUMS = {
  LifecycleStage: ['POTENTIAL', 'AWARENESS', 'PURCHASE', 'LOYALTY', 'CHURNED'] satisfies Schemas['LifecycleStage'][],
  Region: [
    'EAST',
    'NORTH',
    'SOUTH',
    'CENTRAL',
    'SOUTHWEST',
    'NORTHWEST',
    'NORTHEAST',
    'HK_MACAO_TAIWAN',
    'OVERSEAS',
  ] satisfies Schemas['Region'][],
  ContactChannel: ['PHONE', 'SMS', 'EMAIL', 'WECHAT', 'VISIT'] satisfies Schemas['ContactChannel'][],
  SourceChannel: [
    'WEBSITE',
    'COMMUNITY',
    'TRADE_SHOW',
    'REFERRAL',
    'ADVERTISING',
    'OUTBOUND',
    'WALK_IN',
    'OTHER',
  ] satisfies Schemas['SourceChannel'][],
  PersonalityType: [
    'PERFECTIONIST',
    'HELPER',
    'ACHIEVER',
    'INDIVIDUALIST',
    'INVESTIGATOR',
    'LOYALIST',
    'ENTHUSIAST',
    'CHALLENGER',
    'PEACEMAKER',
  ] satisfies Schemas['PersonalityType'][],
  InteractionChannel: [
    'PHONE',
    'SMS',
    'EMAIL',
    'WECHAT',
    'VISIT',
    'MEETING',
    'EVENT',
  ] satisfies Schemas['InteractionChannel'][],
  Direction: ['OUTBOUND', 'INBOUND'] satisfies Schemas['Direction'][],
  RewardKind: ['PRODUCT', 'SERVICE', 'PRIVILEGE'] satisfies Schemas['RewardKind'][],
  EntryKind: ['EARN', 'REDEEM', 'ADJUST', 'REVERSE', 'EXPIRE', 'REFERRAL_BONUS'] satisfies Schemas['EntryKind'][],
  ConsentChannel: [
    'IN_PERSON',
    'PHONE',
    'WECHAT',
    'SMS',
    'EMAIL',
    'WEB_FORM',
    'PAPER',
    'OTHER',
  ] satisfies Schemas['ConsentChannel'][],
  ConsentDecision: ['GRANTED', 'WITHDRAWN'] satisfies Schemas['ConsentDecision'][],
  ConsentStatus: [
    'GRANTED',
    'GRANTED_ON_PROFILE',
    'NOT_REQUIRED',
    'NOT_GIVEN',
    'WITHDRAWN',
  ] satisfies Schemas['ConsentStatus'][],
  LegalBasis: [
    'CONSENT',
    'CONTRACT',
    'LEGAL_OBLIGATION',
    'EMERGENCY',
    'NEWS_PUBLIC_INTEREST',
    'PUBLICLY_DISCLOSED',
    'OTHER_LAW',
  ] satisfies Schemas['LegalBasis'][],
  RequestKind: ['ACCESS', 'CORRECTION', 'DELETION', 'WITHDRAWAL', 'EXPLANATION'] satisfies Schemas['RequestKind'][],
  RequestState: ['RECEIVED', 'VERIFIED', 'FULFILLED', 'REFUSED'] satisfies Schemas['RequestState'][],
  RequestChannel: ['PHONE', 'EMAIL', 'WECHAT', 'IN_PERSON', 'LETTER', 'OTHER'] satisfies Schemas['RequestChannel'][],
  ReviewState: ['PENDING', 'APPROVED', 'KEPT'] satisfies Schemas['ReviewState'][],
};

export type EnumName = keyof typeof ENUMS;

export type AbcTier = NonNullable<Schemas['Contact']['abcTier']>;
export type MembershipLevel = Schemas['MembershipLevel'];
export const ABC_TIERS = ['A', 'B', 'C', 'INACTIVE'] satisfies AbcTier[];
export const MEMBERSHIP_LEVELS = ['SILVER', 'GOLD', 'PLATINUM'] satisfies MembershipLevel[];

/** The value when it is one of the allowed ones (for values read from the URL), otherwise undefined. */
export function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

export function enumOptions(t: TFunction, name: EnumName) {
  return ENUMS[name].map((value) => ({ value, label: t(`enum.${name}.${value}`) }));
}

export const STAGE_COLORS: Record<Schemas['LifecycleStage'], string> = {
  POTENTIAL: 'default',
  AWARENESS: 'blue',
  PURCHASE: 'green',
  LOYALTY: 'gold',
  CHURNED: 'red',
};
