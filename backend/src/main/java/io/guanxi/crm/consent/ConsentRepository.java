package io.guanxi.crm.consent;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every query and write on {@code consent_entry}; purposes through {@link ConsentPurposeRepository}. */
@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<ConsentEntry, UUID> {

    /** A customer's ledger, newest first. */
    List<ConsentEntry> ledger(UUID contactId) {
        return list("contactId = ?1 order by seq desc", contactId);
    }

    /** The profile's marketing-consent tick, or empty for a contact that does not exist. */
    Optional<Boolean> profileFlag(UUID contactId) {
        return Rows.first(getEntityManager().createNativeQuery(
                        "SELECT p.marketing_consent AS marketing_consent FROM " + ContactReadModel.REACH + " AS p WHERE p.id = :id",
                        Tuple.class).setParameter("id", contactId))
                .map(row -> Boolean.TRUE.equals(Rows.bool(row, "marketing_consent")));
    }

    /** Those of these customers the purpose may not be pursued for (the rule of {@link ConsentSql}). */
    Set<UUID> refusing(String purposeCode, Collection<UUID> contactIds) {
        return Rows.list(getEntityManager().createNativeQuery("SELECT p.id AS id FROM " + ContactReadModel.REACH + " AS p"
                                + " WHERE p.id = ANY(CAST(string_to_array(:ids, ',') AS uuid[])) AND "
                                + ConsentSql.refuses(purposeCode, "p.id", "p.marketing_consent"), Tuple.class)
                        .setParameter("ids", contactIds.stream().map(UUID::toString).collect(Collectors.joining(","))))
                .stream().map(row -> Rows.uuid(row, "id")).collect(Collectors.toSet());
    }

    /** Blanks the free-text evidence of a customer's entries (an erasure); decisions and dates stay. */
    int redactEvidence(UUID contactId, Instant now) {
        return getEntityManager().createNativeQuery(
                        "UPDATE consent_entry SET evidence = NULL, redacted_at = :now WHERE contact_id = :id AND redacted_at IS NULL")
                .setParameter("now", now).setParameter("id", contactId).executeUpdate();
    }
}
