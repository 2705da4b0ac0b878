package io.guanxi.crm.activity;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.privacy.PersonalRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The activities about one customer, for rights requests (issue 19): titles, notes and outcomes (free text) go. */
@ApplicationScoped
public class ActivityPersonalDataRepository {

    @Inject
    EntityManager em;

    List<Map<String, Object>> export(UUID contactId) {
        return PersonalRows.of(Rows.list(em.createNativeQuery("""
                SELECT CAST(to_jsonb(a) AS text) AS row FROM activity a WHERE a.contact_id = :contact ORDER BY a.created_at, a.id""", Tuple.class)
                .setParameter("contact", contactId)));
    }

    int anonymise(UUID contactId) {
        return em.createNativeQuery("""
                UPDATE activity SET title = NULL, note = NULL, outcome = NULL
                WHERE contact_id = :contact AND (title IS NOT NULL OR note IS NOT NULL OR outcome IS NOT NULL)""")
                .setParameter("contact", contactId).executeUpdate();
    }
}
