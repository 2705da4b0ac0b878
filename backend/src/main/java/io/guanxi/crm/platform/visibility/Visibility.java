package io.guanxi.crm.platform.visibility;

import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place that decides which rows a caller may see. Features never write the "a rep sees their
 * own" rule themselves: they ask for a {@link Predicate} (SQL or JPQL, ANDed into their query and
 * bound with {@link Predicate#bind}) or for a check by id, and treat a row outside it as absent (404,
 * the same answer as for an id that does not exist).
 *
 * <p>The rule: admins, managers and service agents see every customer; anyone else (sales reps,
 * integrators) the customers they own. Rows that hang off a customer (purchases, complaints, leads'
 * contacts) follow their customer. Records an integrator makes for any customer (redemptions, sales)
 * are visible to that integrator because it made them, never because of who the customer is.
 */
@ApplicationScoped
public class Visibility {

    private static final String OWNER = "visibilityOwner";
    private static final String CREATOR = "visibilityCreator";

    @Inject
    CurrentUser currentUser;

    @Inject
    EntityManager em;

    /** A condition to AND into a query and the parameters it needs. */
    public record Predicate(String text, Map<String, Object> params) {

        static Predicate all() {
            return new Predicate("1=1", Map.of());
        }

        /** Sets this predicate's parameters on a query built with {@link #text}. */
        public <Q extends Query> Q bind(Q query) {
            params.forEach(query::setParameter);
            return query;
        }

        /** Adds this predicate's parameters to a map that is bound later. */
        public String into(Map<String, Object> target) {
            target.putAll(params);
            return text;
        }
    }

    /** Whether the caller sees every customer (admins, managers, service agents). */
    public boolean seesAllCustomers() {
        return currentUser.has(Role.ADMIN) || currentUser.has(Role.MANAGER) || currentUser.has(Role.SERVICE_AGENT);
    }

    /**
     * Whose book of customers the caller's figures are limited to (analytics): their own id for a rep,
     * empty for those who see every customer (then a team figure).
     */
    public Optional<UUID> bookOwner() {
        return seesAllCustomers() ? Optional.empty() : Optional.of(currentUser.id());
    }

    /** Native SQL: the customers (table {@code contact} as {@code alias}) the caller may see. */
    public Predicate contactSql(String alias) {
        return ownedBy(alias + ".owner_id");
    }

    /** JPQL: the {@code Contact} entities (as {@code alias}) the caller may see. */
    public Predicate contactJpql(String alias) {
        return ownedBy(alias + ".ownerId");
    }

    /**
     * Records about customers that an integrator may also make for customers it does not own
     * (redemptions): an integrator sees those it made ({@code creatorPath}), anyone else those about
     * customers it may see ({@code contactIdPath}). JPQL.
     */
    public Predicate madeOrAboutVisibleContactJpql(String contactIdPath, String creatorPath) {
        if (currentUser.has(Role.INTEGRATOR)) {
            return new Predicate(creatorPath + " = :" + CREATOR, Map.of(CREATOR, currentUser.id()));
        }
        if (seesAllCustomers()) {
            return Predicate.all();
        }
        return new Predicate(contactIdPath + " in (select vc.id from Contact vc where vc.ownerId = :" + OWNER + ")",
                Map.of(OWNER, currentUser.id()));
    }

    /** The check by id that goes with {@link #madeOrAboutVisibleContactJpql}. */
    public boolean madeOrAboutVisibleContact(UUID contactId, UUID creator) {
        if (currentUser.has(Role.INTEGRATOR)) {
            return currentUser.id().equals(creator);
        }
        return contactVisible(contactId);
    }

    /**
     * Rows with an owner of their own (leads): what the caller owns, or everything for admins and
     * managers. A feature may OR its own documented exception into this (the leads queue).
     */
    public Predicate ownRowsJpql(String ownerPath) {
        if (currentUser.isManagerOrAdmin()) {
            return Predicate.all();
        }
        return new Predicate(ownerPath + " = :" + OWNER, Map.of(OWNER, currentUser.id()));
    }

    /**
     * Personal rows (notifications): only the person they are addressed to, whatever their role; a
     * manager does not read the team's inboxes.
     */
    public Predicate addressedToCallerJpql(String recipientPath) {
        return new Predicate(recipientPath + " = :" + OWNER, Map.of(OWNER, currentUser.id()));
    }

    /** Whether this customer exists and the caller may see it. */
    public boolean contactVisible(UUID contactId) {
        if (contactId == null) {
            return false;
        }
        Predicate visible = contactSql("c");
        return !visible.bind(em.createNativeQuery("SELECT 1 FROM contact c WHERE c.id = :id AND " + visible.text()))
                .setParameter("id", contactId).getResultList().isEmpty();
    }

    /** 404, exactly as for an id that does not exist, unless the caller may see this customer. */
    public void requireContact(UUID contactId) {
        if (!contactVisible(contactId)) {
            throw contactNotFound(contactId);
        }
    }

    /** The answer for a customer that does not exist or that the caller may not see: one and the same. */
    public static ProblemException contactNotFound(UUID contactId) {
        return ProblemException.notFound("Contact " + contactId);
    }

    private Predicate ownedBy(String ownerColumn) {
        if (seesAllCustomers()) {
            return Predicate.all();
        }
        Map<String, Object> params = new HashMap<>();
        params.put(OWNER, currentUser.id());
        return new Predicate(ownerColumn + " = :" + OWNER, params);
    }
}
