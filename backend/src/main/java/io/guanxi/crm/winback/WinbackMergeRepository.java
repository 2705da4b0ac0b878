package io.guanxi.crm.winback;

import io.guanxi.crm.platform.merge.CustomerRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** Win-back plan targets of merged contacts move to the survivor, unless the plan targets the survivor already (issue 20 §3). */
@ApplicationScoped
public class WinbackMergeRepository implements CustomerRecords {

    @Inject
    EntityManager em;

    @Override
    public String kind() {
        return "winbackTargets";
    }

    @Override
    public List<String> move(UUID from, UUID to) {
        @SuppressWarnings("unchecked")
        List<Object> moved = em.createNativeQuery("""
                UPDATE winback_target t SET contact_id = :to WHERE t.contact_id = :from
                AND NOT EXISTS (SELECT 1 FROM winback_target s WHERE s.plan_id = t.plan_id AND s.contact_id = :to)
                RETURNING CAST(t.id AS text)""")
                .setParameter("from", from).setParameter("to", to).getResultList();
        return moved.stream().map(Object::toString).toList();
    }

    @Override
    public int moveBack(List<String> ids, UUID from, UUID to) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                UPDATE winback_target SET contact_id = :from WHERE contact_id = :to AND id = ANY (CAST(:ids AS uuid[]))""")
                .setParameter("from", from).setParameter("to", to).setParameter("ids", ids.toArray(String[]::new)).executeUpdate();
    }
}
