package io.guanxi.crm.analytics;

import java.util.UUID;

/**
 * The filters a manager narrows figures with: one rep ({@code ownerId}: the customers, leads and
 * complaints' customers they own), a region of the customer, an ABC tier of the customer. Each is
 * optional; a rep's own book is applied on top by {@link AnalyticsQuery}, whatever they ask for.
 */
public record AnalyticsFilter(UUID ownerId, String region, String tier) {
}
