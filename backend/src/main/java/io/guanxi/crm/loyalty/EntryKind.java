package io.guanxi.crm.loyalty;

/** The kinds of ledger entry (SPEC §6). Credits are positive, debits negative. */
public enum EntryKind {
    EARN, REDEEM, ADJUST, REVERSE, EXPIRE, REFERRAL_BONUS
}
