package io.guanxi.crm.campaign;

/**
 * 000 ch.3's four kinds of campaign: 联络感情 (keeping in touch), 服务 (service), 营销招揽 (marketing) and
 * 混合 (mixed). Keeping in touch and service are the owner's own care for a customer and need no consent;
 * marketing and mixed campaigns sell, and reach only customers who agreed to marketing messages.
 */
public enum CampaignCategory {
    RELATIONSHIP(false), SERVICE(false), MARKETING(true), MIXED(true);

    private final boolean marketing;

    CampaignCategory(boolean marketing) {
        this.marketing = marketing;
    }

    /** Whether it reaches only customers with marketing consent. */
    public boolean needsMarketingConsent() {
        return marketing;
    }
}
