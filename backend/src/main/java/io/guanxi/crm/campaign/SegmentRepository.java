package io.guanxi.crm.campaign;

import io.guanxi.crm.consent.ConsentPurposes;
import io.guanxi.crm.consent.ConsentSql;
import io.guanxi.crm.campaign.api.Segment;
import io.guanxi.crm.churnrisk.ChurnRiskReadModel;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.tier.TierReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A segment as SQL: the customers (not archived) it matches, within a visibility predicate, as a select of
 * {@code contact_id}, {@code owner_id} and {@code name}. Only the criteria the segment sets become conditions,
 * so that an empty list costs nothing.
 */
@ApplicationScoped
public class SegmentRepository {

    @Inject
    EntityManager em;

    /** The select and its parameters (named {@code seg…}, plus the visibility predicate's). */
    record Select(String sql, Map<String, Object> params) {
        <Q extends Query> Q bind(Q query) {
            params.forEach(query::setParameter);
            return query;
        }
    }

    static Select select(Segment segment, boolean marketingConsentOnly, Visibility.Predicate visible, Instant now) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        where.add(visible.into(params));
        if (!segment.abcTiers().isEmpty()) {
            where.add("v.abc_tier = ANY (CAST(:segAbc AS text[]))");
            params.put("segAbc", segment.abcTiers().toArray(String[]::new));
        }
        if (!segment.membershipLevels().isEmpty()) {
            where.add("v.membership_level = ANY (CAST(:segLevels AS text[]))");
            params.put("segLevels", segment.membershipLevels().stream().map(Enum::name).toArray(String[]::new));
        }
        if (!segment.lifecycleStages().isEmpty()) {
            where.add("p.lifecycle_stage = ANY (CAST(:segStages AS text[]))");
            params.put("segStages", segment.lifecycleStages().stream().map(Enum::name).toArray(String[]::new));
        }
        if (!segment.tags().isEmpty()) {
            where.add("p.tags && CAST(:segTags AS text[])");
            params.put("segTags", segment.tags().toArray(String[]::new));
        }
        if (!segment.regions().isEmpty()) {
            where.add("p.region = ANY (CAST(:segRegions AS text[]))");
            params.put("segRegions", segment.regions().stream().map(Enum::name).toArray(String[]::new));
        }
        if (segment.notContactedForDays() != null) {
            where.add("(p.last_contacted_at IS NULL OR p.last_contacted_at < :segQuietSince)");
            params.put("segQuietSince", now.minus(Duration.ofDays(segment.notContactedForDays())));
        }
        if (!segment.churnRiskLevels().isEmpty()) {
            where.add("EXISTS (SELECT 1 FROM " + ChurnRiskReadModel.LEVELS + " AS r WHERE r.contact_id = p.id"
                    + " AND r.level = ANY (CAST(:segRisk AS text[])))");
            params.put("segRisk", segment.churnRiskLevels().stream().map(Enum::name).toArray(String[]::new));
        }
        if (segment.contactIds() != null) {
            where.add("p.id = ANY (CAST(:segIds AS uuid[]))");
            params.put("segIds", segment.contactIds().toArray(java.util.UUID[]::new));
        }
        if (marketingConsentOnly) {
            where.add(ConsentSql.allows(ConsentPurposes.MARKETING, "p.id", "p.marketing_consent"));
        }
        String sql = """
                SELECT p.id AS contact_id, p.owner_id AS owner_id, p.name AS name
                FROM %1$s AS p LEFT JOIN %2$s AS v ON v.contact_id = p.id
                WHERE %3$s""".formatted(ContactReadModel.TARGETABLE, TierReadModel.SEGMENTS, String.join("\n  AND ", where));
        return new Select(sql, params);
    }

    long count(Select select) {
        return Rows.longValue((Tuple) select.bind(em.createNativeQuery("SELECT count(*) AS n FROM (" + select.sql() + ") AS m", Tuple.class))
                .getSingleResult(), "n");
    }

    /** The first customers it matches by name: contact_id, owner_id, name. */
    List<Tuple> sample(Select select, int limit) {
        return Rows.list(select.bind(em.createNativeQuery("SELECT m.contact_id AS contact_id, m.owner_id AS owner_id, m.name AS name "
                + "FROM (" + select.sql() + ") AS m ORDER BY m.name, m.contact_id LIMIT :segLimit", Tuple.class))
                .setParameter("segLimit", limit));
    }
}
