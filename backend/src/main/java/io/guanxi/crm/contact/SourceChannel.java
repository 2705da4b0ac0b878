package io.guanxi.crm.contact;

/** Where a contact or lead came from (SPEC §3). */
public enum SourceChannel {
    WEBSITE, COMMUNITY, TRADE_SHOW, REFERRAL, ADVERTISING, OUTBOUND, WALK_IN, OTHER
}
