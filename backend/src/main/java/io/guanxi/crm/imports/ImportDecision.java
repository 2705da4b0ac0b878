package io.guanxi.crm.imports;

/** What to do with a group of rows that may be one person (docs/import.md). */
public enum ImportDecision {
    /** Keep the existing contact as it is (or, with no existing one, create one from the group's first row only). */
    SKIP,
    /** Fill the fields the existing contact (or the group's first row) lacks from the other rows. */
    FILL_EMPTY,
    /** Every value the rows have replaces the existing contact's (later rows win). */
    OVERWRITE,
    /** Every row becomes a contact of its own. */
    CREATE_ANYWAY
}
