package io.guanxi.crm.lead;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;

/**
 * The open, owned leads nobody has been in touch with for the policy's care period (since the lead
 * was made, if never). Reads the customer's last contact through {@link ContactReadModel}.
 */
@ApplicationScoped
public class LeadFollowUpRepository {

    @Inject
    EntityManager em;

    List<Tuple> quietLeads(Instant now, int careAfterDays) {
        return Rows.list(em.createNativeQuery("""
                SELECT l.id AS id, l.contact_id AS contact_id, l.owner_id AS owner_id
                FROM lead l JOIN %s c ON c.id = l.contact_id
                WHERE l.status IN %s AND l.owner_id IS NOT NULL
                  AND greatest(c.last_contacted_at, l.created_at) < CAST(:now AS timestamptz) - make_interval(days => :days)
                ORDER BY l.id""".formatted(ContactReadModel.CONTACTS, LeadStatus.OPEN_SQL), Tuple.class)
                .setParameter("now", now).setParameter("days", careAfterDays));
    }
}
