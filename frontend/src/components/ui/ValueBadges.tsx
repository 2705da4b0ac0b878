import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AbcTier, MembershipLevel } from '../../lib/enums';

const TIER_COLORS: Record<AbcTier, string> = { A: 'red', B: 'orange', C: 'blue', INACTIVE: 'default' };
const LEVEL_COLORS: Record<MembershipLevel, string> = { PLATINUM: 'purple', GOLD: 'gold', SILVER: 'default' };

/** The ABC value tier of a customer, as a coloured tag (nothing for non-customers). */
export function TierTag({ tier }: { tier?: AbcTier | null }) {
  const { t } = useTranslation();
  if (!tier) return null;
  return (
    <Tooltip title={t(`tiers.abc.${tier}.hint`)}>
      <Tag color={TIER_COLORS[tier]} data-testid="tier-tag">
        {t(`tiers.abc.${tier}.label`)}
      </Tag>
    </Tooltip>
  );
}

/** The membership level of a customer (nothing for non-customers). */
export function LevelTag({ level }: { level?: MembershipLevel | null }) {
  const { t } = useTranslation();
  if (!level) return null;
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid="level-tag">
      {t(`tiers.level.${level}`)}
    </Tag>
  );
}
