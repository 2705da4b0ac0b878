import type { TFunction } from 'i18next';
import type { components } from './api/schema';

type Activity = components['schemas']['Activity'];

/**
 * What an activity says: its title, else the translated rule that made it, else its kind. Plain code, used by
 * antd's activity list and by the light today page (which must not import antd).
 */
export function activityTitle(activity: Activity, t: TFunction): string {
  return (
    activity.title ??
    (activity.originRule
      ? t(`activities.rule.${activity.originRule}`, {
          ...activity.originParams,
          missed: activity.originParams.missed ? t(`activities.missed.${activity.originParams.missed}`) : '',
          occasion: activity.originParams.occasion ? t(`care.occasion.${activity.originParams.occasion}`) : '',
        })
      : t(`activities.kind.${activity.kind}`))
  );
}

/** A care greeting's text in the reader's language (the rule renders both), or undefined for other activities. */
export function greetingOf(activity: Activity, language: string): string | undefined {
  if (activity.originRule !== 'CARE_GREETING') return undefined;
  return language === 'en' ? activity.originParams.messageEn : activity.originParams.messageZh;
}
