package io.guanxi.crm.campaign;

import io.guanxi.crm.platform.merge.CustomerRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** Campaign targets of merged contacts move to the survivor, unless the campaign targets the survivor already (issue 20 §3). */
@ApplicationScoped
public class CampaignMergeRepository implements CustomerRecords {

    @Inject
    EntityManager em;

    @Override
    public String kind() {
        return "campaignTargets";
    }

    @Override
    public List<String> move(UUID from, UUID to) {
        @SuppressWarnings("unchecked")
        List<Object> moved = em.createNativeQuery("""
                UPDATE campaign_target t SET contact_id = :to WHERE t.contact_id = :from
                AND NOT EXISTS (SELECT 1 FROM campaign_target s WHERE s.campaign_id = t.campaign_id AND s.contact_id = :to)
                RETURNING CAST(t.campaign_id AS text)""")
                .setParameter("from", from).setParameter("to", to).getResultList();
        return moved.stream().map(Object::toString).toList();
    }

    @Override
    public int moveBack(List<String> ids, UUID from, UUID to) {
        if (ids.isEmpty()) {
            return 0;
        }
        // A target is one campaign's row for one contact: the campaign id names it.
        return em.createNativeQuery("""
                UPDATE campaign_target SET contact_id = :from WHERE contact_id = :to AND campaign_id = ANY (CAST(:ids AS uuid[]))""")
                .setParameter("from", from).setParameter("to", to).setParameter("ids", ids.toArray(String[]::new)).executeUpdate();
    }
}
