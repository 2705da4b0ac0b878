package io.guanxi.crm.analytics;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.tier.TierReadModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One request for figures: the period, the filters, and the book the caller is limited to (a rep's
 * own customers and leads, decided by {@code Visibility.bookOwner}, never by the section). Sections
 * AND {@link #scope} into every statement, so a rep's figures are their own book's whatever filters
 * they send, and a number and the rows behind it ({@link AnalyticsSection#drill}) count the same rows.
 */
public record AnalyticsQuery(Period period, AnalyticsFilter filter, Optional<UUID> bookOwner, ZoneId zone, Instant now) {

    public Period previousPeriod() {
        return period.previous();
    }

    /** The first instant of the period. */
    public Instant start() {
        return period.start(zone);
    }

    /** The first instant after the period; never later than now for "as of the end" figures, see {@link #asOf}. */
    public Instant end() {
        return period.end(zone);
    }

    /** The instant a stock figure (open complaints, a liability) is taken at: the period's end, or now if that is later. */
    public Instant asOf(Period of) {
        Instant end = of.end(zone);
        return end.isAfter(now) ? now : end;
    }

    /**
     * A condition on rows whose owner is {@code ownerExpr} (a rep's customers, leads) and whose customer
     * is {@code contactIdExpr} (null when the row may have none yet, such as a new lead), with the
     * region in {@code regionExpr} if the row has its own (a lead), else the customer's. Adds its
     * parameters to {@code params}. A tier filter leaves out rows without a customer.
     */
    public String scope(String ownerExpr, String contactIdExpr, String regionExpr, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        bookOwner.ifPresent(owner -> {
            conditions.add(ownerExpr + " = :analyticsBookOwner");
            params.put("analyticsBookOwner", owner);
        });
        if (filter.ownerId() != null) {
            conditions.add(ownerExpr + " = :analyticsOwner");
            params.put("analyticsOwner", filter.ownerId());
        }
        if (filter.region() != null) {
            if (regionExpr != null) {
                conditions.add(regionExpr + " = :analyticsRegion");
            } else if (contactIdExpr != null) {
                conditions.add("EXISTS (SELECT 1 FROM " + ContactReadModel.CONTACTS + " AS scope_c WHERE scope_c.id = " + contactIdExpr
                        + " AND scope_c.region = :analyticsRegion)");
            } else {
                conditions.add("FALSE");
            }
            params.put("analyticsRegion", filter.region());
        }
        if (filter.tier() != null) {
            if (contactIdExpr == null) {
                conditions.add("FALSE");
            } else {
                conditions.add("EXISTS (SELECT 1 FROM " + TierReadModel.SEGMENTS + " AS scope_t WHERE scope_t.contact_id = " + contactIdExpr
                        + " AND scope_t.abc_tier = :analyticsTier)");
                params.put("analyticsTier", filter.tier());
            }
        }
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    /** {@link #scope} for rows of a customer owned by its owner (purchases, complaints, points). */
    public String customerScope(String contactIdExpr, String ownerExpr, Map<String, Object> params) {
        return scope(ownerExpr, contactIdExpr, null, params);
    }
}
