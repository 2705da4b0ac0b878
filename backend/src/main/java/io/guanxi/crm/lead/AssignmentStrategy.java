package io.guanxi.crm.lead;

/** How a rule picks from its pool: in turn, or whoever has the fewest open leads. */
public enum AssignmentStrategy {
    ROUND_ROBIN, LEAST_LOADED
}
