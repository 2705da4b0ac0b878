package io.guanxi.crm.tier;

import io.guanxi.crm.contact.CustomerValues;
import io.guanxi.crm.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tier's answer to {@link CustomerValues}: the contact feature shows and filters by the badges this
 * feature computes without reading {@code customer_value} itself (dependency inversion: the
 * interface lives in contact, the implementation here, so tier → contact stays the only edge).
 */
@ApplicationScoped
public class TierBadges implements CustomerValues {

    @Inject
    TierRepository tiers;

    @Override
    public Map<UUID, Badge> badgesOf(Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        List<Tuple> rows = tiers.badges(contactIds);
        return rows.stream().collect(Collectors.toMap(r -> Rows.uuid(r, "contact_id"),
                r -> new Badge(Rows.string(r, "abc_tier"), Rows.string(r, "membership_level"))));
    }

    @Override
    public Filter contactsWith(String contactIdColumn, String abcTier, String membershipLevel) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (abcTier != null) {
            conditions.add("v.abc_tier = :valueAbcTier");
            params.put("valueAbcTier", abcTier);
        }
        if (membershipLevel != null) {
            conditions.add("v.membership_level = :valueLevel");
            params.put("valueLevel", membershipLevel);
        }
        if (conditions.isEmpty()) {
            return new Filter("TRUE", Map.of());
        }
        return new Filter("EXISTS (SELECT 1 FROM customer_value v WHERE v.contact_id = " + contactIdColumn + " AND "
                + String.join(" AND ", conditions) + ")", params);
    }
}
