package io.guanxi.crm.user;

/** A sales rep's seniority: senior reps take priority and high-value leads (SPEC §3). */
public enum Seniority {
    JUNIOR, SENIOR
}
