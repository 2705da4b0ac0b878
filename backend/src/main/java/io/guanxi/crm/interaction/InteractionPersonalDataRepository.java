package io.guanxi.crm.interaction;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.privacy.PersonalRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The interaction log of one customer, for rights requests (issue 19): exported whole, summaries erased on anonymisation. */
@ApplicationScoped
public class InteractionPersonalDataRepository {

    @Inject
    EntityManager em;

    List<Map<String, Object>> export(UUID contactId) {
        return PersonalRows.of(Rows.list(em.createNativeQuery("""
                SELECT CAST(to_jsonb(i) AS text) AS row FROM interaction i WHERE i.contact_id = :contact ORDER BY i.occurred_at, i.id""", Tuple.class)
                .setParameter("contact", contactId)));
    }

    int anonymise(UUID contactId) {
        return em.createNativeQuery("""
                UPDATE interaction SET summary = '' WHERE contact_id = :contact AND summary <> ''""")
                .setParameter("contact", contactId).executeUpdate();
    }
}
