package io.guanxi.crm.interaction;

/**
 * What the interaction feature publishes, on purpose, for other features' set-based SQL (lead
 * scoring counts a contact's interactions in its activity window): nothing else of the
 * {@code interaction} table may appear in another feature's SQL.
 */
public final class InteractionReadModel {

    /** One row per logged interaction: {@code contact_id}, {@code occurred_at}. */
    public static final String CONTACT_ACTIVITY = "(SELECT contact_id, occurred_at FROM interaction)";

    private InteractionReadModel() {
    }
}
