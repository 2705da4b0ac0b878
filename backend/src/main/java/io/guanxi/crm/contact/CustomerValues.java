package io.guanxi.crm.contact;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What the contact feature needs to know about a customer's value, declared here so that contact
 * does not depend on the feature that computes it: {@code tier} implements it (tier depends on
 * contact, so contact reading tier's table would close a cycle).
 */
public interface CustomerValues {

    /** A customer's ABC tier and membership level; either is null until computed. */
    record Badge(String abcTier, String membershipLevel) {
        public static final Badge NONE = new Badge(null, null);
    }

    /** Native SQL that is true for the rows whose contact id (the column named) matches, with its parameters. */
    record Filter(String sql, Map<String, Object> params) {
    }

    /** The badges of these contacts that have one, by contact id: one query however many ids. */
    Map<UUID, Badge> badgesOf(Collection<UUID> contactIds);

    /**
     * A filter on contacts with this ABC tier and/or membership level (a null argument does not
     * filter), for the contact list's WHERE clause; {@code contactIdColumn} is e.g. {@code c.id}.
     */
    Filter contactsWith(String contactIdColumn, String abcTier, String membershipLevel);
}
