package io.guanxi.crm.activity;

import io.guanxi.crm.platform.merge.CustomerRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** The activities about merged contacts move to the survivor (their assignees stay) (issue 20 §3). */
@ApplicationScoped
public class ActivityMergeRepository implements CustomerRecords {

    @Inject
    EntityManager em;

    @Override
    public String kind() {
        return "activities";
    }

    @Override
    public List<String> move(UUID from, UUID to) {
        @SuppressWarnings("unchecked")
        List<Object> moved = em.createNativeQuery("""
                UPDATE activity SET contact_id = :to WHERE contact_id = :from RETURNING CAST(id AS text)""")
                .setParameter("from", from).setParameter("to", to).getResultList();
        return moved.stream().map(Object::toString).toList();
    }

    @Override
    public int moveBack(List<String> ids, UUID from, UUID to) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                UPDATE activity SET contact_id = :from WHERE contact_id = :to AND id = ANY (CAST(:ids AS uuid[]))""")
                .setParameter("from", from).setParameter("to", to).setParameter("ids", ids.toArray(String[]::new)).executeUpdate();
    }
}
