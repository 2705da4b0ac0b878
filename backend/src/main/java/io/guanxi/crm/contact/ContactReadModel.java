package io.guanxi.crm.contact;

/**
 * What the contact feature publishes, on purpose, for other features' set-based SQL: a relation of
 * customers with only the columns listed, so nothing else of the {@code contact} table leaks into
 * another feature's SQL. Joined under an alias, it takes {@code Visibility.contactSql(alias)} as is.
 */
public final class ContactReadModel {

    /** The customers: {@code id}, {@code owner_id} (whose customer it is, what visibility filters on). */
    public static final String CUSTOMERS = "(SELECT id, owner_id FROM contact)";

    private ContactReadModel() {
    }
}
