package io.guanxi.crm.lead;

import io.guanxi.crm.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Carries a customer's open leads to its new owner, in one statement. */
@ApplicationScoped
public class LeadHandoverRepository {

    @Inject
    EntityManager em;

    /** Returns the leads that moved: id and previous owner_id (null for one nobody owned). */
    List<Tuple> carry(UUID contactId, UUID toOwner, String managerName, String note, Instant now) {
        return Rows.list(em.createNativeQuery("""
                UPDATE lead l SET owner_id = :to, assignment_kind = 'MANAGER', assignment_reason = :manager,
                       assignment_note = :note, assigned_at = :now, assigned_by_rule = NULL, updated_at = :now,
                       version = l.version + 1
                FROM (SELECT id, owner_id FROM lead WHERE contact_id = :contact AND status IN %s
                        AND owner_id IS DISTINCT FROM :to FOR UPDATE) AS before
                WHERE l.id = before.id
                RETURNING l.id AS id, before.owner_id AS previous_owner""".formatted(LeadStatus.OPEN_SQL), Tuple.class)
                .setParameter("to", toOwner).setParameter("manager", managerName).setParameter("note", note)
                .setParameter("now", now).setParameter("contact", contactId));
    }
}
