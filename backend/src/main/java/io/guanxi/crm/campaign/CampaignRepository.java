package io.guanxi.crm.campaign;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.purchase.PurchaseReadModel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every query and write on {@code campaign} and {@code campaign_target}. Campaigns are the team's (anyone who
 * works with customers reads them and their scripts); their targets follow their customers' visibility.
 */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    static final Map<String, String> SORTABLE = Map.of("startsOn", "c.startsOn", "name", "lower(c.name)", "createdAt", "c.createdAt");

    /** Bought within the campaign's purchase window after its launch (a sale refunded in full does not count). */
    private static final String PURCHASED = """
            EXISTS (SELECT 1 FROM %s AS pu WHERE pu.contact_id = t.contact_id AND pu.kept_amount > 0
                      AND pu.occurred_at >= c.launched_at
                      AND pu.occurred_at < c.launched_at + c.purchase_window_days * interval '1 day')"""
            .formatted(PurchaseReadModel.PURCHASES);

    Optional<Campaign> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    List<Campaign> page(CampaignState state, PageRequest paging) {
        return getEntityManager().createQuery("from Campaign c where (:state is null or c.state = :state) order by "
                        + paging.orderBySql() + ", c.id", Campaign.class)
                .setParameter("state", state).setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
    }

    long countAll(CampaignState state) {
        return getEntityManager().createQuery("select count(c) from Campaign c where (:state is null or c.state = :state)", Long.class)
                .setParameter("state", state).getSingleResult();
    }

    /** How many targets of each campaign the caller may see. */
    Map<UUID, Long> visibleTargetCounts(List<UUID> campaignIds, Visibility.Predicate visible) {
        Map<UUID, Long> counts = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return counts;
        }
        Rows.list(visible.bind(getEntityManager().createNativeQuery("""
                SELECT t.campaign_id AS campaign_id, count(*) AS n
                FROM campaign_target t JOIN %s AS vc ON vc.id = t.contact_id
                WHERE t.campaign_id = ANY (CAST(:ids AS uuid[])) AND %s
                GROUP BY t.campaign_id""".formatted(ContactReadModel.CONTACTS, visible.text()), Tuple.class))
                .setParameter("ids", campaignIds.toArray(UUID[]::new)))
                .forEach(r -> counts.put(Rows.uuid(r, "campaign_id"), Rows.longValue(r, "n")));
        return counts;
    }

    /**
     * Claims one target per customer the segment select matches (contact_id, owner_id), each with the id of its
     * activity-to-be; a customer already a target is skipped. Returns the new ones: contact_id, assignee_id, activity_id.
     */
    public List<Tuple> claimTargets(UUID campaignId, Segments.Filter segment) {
        var query = getEntityManager().createNativeQuery("""
                INSERT INTO campaign_target (campaign_id, contact_id, assignee_id, activity_id, version)
                SELECT :campaign, m.contact_id, m.owner_id, gen_random_uuid(), 0 FROM (%s) AS m
                ON CONFLICT DO NOTHING
                RETURNING contact_id AS contact_id, assignee_id AS assignee_id, activity_id AS activity_id"""
                .formatted(segment.sql()), Tuple.class);
        segment.params().forEach(query::setParameter);
        return Rows.list(query.setParameter("campaign", campaignId));
    }

    private static final String TARGET_COLUMNS = """
            SELECT t.campaign_id AS campaign_id, t.contact_id AS contact_id, vc.name AS contact_name,
                   t.assignee_id AS assignee_id, t.activity_id AS activity_id, t.outcome AS outcome, t.outcome_at AS outcome_at,
                   t.outcome_by AS outcome_by, t.version AS version, %s AS purchased
            FROM campaign_target t JOIN campaign c ON c.id = t.campaign_id
                 JOIN %s AS vc ON vc.id = t.contact_id
            """.formatted(PURCHASED, ContactReadModel.CONTACTS);

    /** The targets the caller may see, pending ones first, then by name. */
    List<Tuple> targets(UUID campaignId, CampaignOutcome outcome, boolean pendingOnly, Visibility.Predicate visible, PageRequest paging) {
        return Rows.list(visible.bind(getEntityManager().createNativeQuery(TARGET_COLUMNS + """
                WHERE t.campaign_id = :campaign AND (CAST(:outcome AS text) IS NULL OR t.outcome = :outcome)
                  AND (NOT :pendingOnly OR t.outcome IS NULL) AND %s
                ORDER BY t.outcome IS NOT NULL, vc.name, t.contact_id
                LIMIT :limit OFFSET :offset""".formatted(visible.text()), Tuple.class))
                .setParameter("campaign", campaignId).setParameter("outcome", outcome == null ? null : outcome.name())
                .setParameter("pendingOnly", pendingOnly)
                .setParameter("limit", paging.size()).setParameter("offset", paging.offset()));
    }

    long countTargets(UUID campaignId, CampaignOutcome outcome, boolean pendingOnly, Visibility.Predicate visible) {
        return Rows.longValue((Tuple) visible.bind(getEntityManager().createNativeQuery("""
                SELECT count(*) AS n FROM campaign_target t JOIN %s AS vc ON vc.id = t.contact_id
                WHERE t.campaign_id = :campaign AND (CAST(:outcome AS text) IS NULL OR t.outcome = :outcome)
                  AND (NOT :pendingOnly OR t.outcome IS NULL) AND %s""".formatted(ContactReadModel.CONTACTS, visible.text()),
                Tuple.class)).setParameter("campaign", campaignId).setParameter("outcome", outcome == null ? null : outcome.name())
                .setParameter("pendingOnly", pendingOnly).getSingleResult(), "n");
    }

    /** One target the caller may see, locked for a change. */
    Optional<Tuple> targetForUpdate(UUID campaignId, UUID contactId, Visibility.Predicate visible) {
        return Rows.list(visible.bind(getEntityManager().createNativeQuery(TARGET_COLUMNS + """
                WHERE t.campaign_id = :campaign AND t.contact_id = :contact AND %s
                FOR UPDATE OF t""".formatted(visible.text()), Tuple.class))
                .setParameter("campaign", campaignId).setParameter("contact", contactId)).stream().findFirst();
    }

    public void recordOutcome(UUID campaignId, UUID contactId, CampaignOutcome outcome, UUID by, Instant now) {
        getEntityManager().createNativeQuery("""
                UPDATE campaign_target SET outcome = :outcome, outcome_at = :now, outcome_by = :by, version = version + 1
                WHERE campaign_id = :campaign AND contact_id = :contact""")
                .setParameter("outcome", outcome.name()).setParameter("now", now).setParameter("by", by)
                .setParameter("campaign", campaignId).setParameter("contact", contactId).executeUpdate();
    }

    /** The campaign's figures per rep over the targets the caller may see (the counts of {@code CampaignCounts}). */
    List<Tuple> reportByRep(UUID campaignId, Visibility.Predicate visible) {
        return Rows.list(visible.bind(getEntityManager().createNativeQuery("""
                SELECT t.assignee_id AS assignee_id, count(*) AS targets,
                       count(*) FILTER (WHERE t.outcome IN ('REACHED', 'DECLINED', 'BOOKED')) AS reached,
                       count(*) FILTER (WHERE t.outcome = 'REACHED') AS outcome_reached,
                       count(*) FILTER (WHERE t.outcome = 'NO_ANSWER') AS no_answer,
                       count(*) FILTER (WHERE t.outcome = 'DECLINED') AS declined,
                       count(*) FILTER (WHERE t.outcome = 'BOOKED') AS booked,
                       count(*) FILTER (WHERE t.outcome IS NULL) AS pending,
                       count(*) FILTER (WHERE %s) AS purchased
                FROM campaign_target t JOIN campaign c ON c.id = t.campaign_id
                     JOIN %s AS vc ON vc.id = t.contact_id
                WHERE t.campaign_id = :campaign AND %s
                GROUP BY t.assignee_id
                ORDER BY count(*) DESC, t.assignee_id""".formatted(PURCHASED, ContactReadModel.CONTACTS, visible.text()), Tuple.class))
                .setParameter("campaign", campaignId));
    }
}
