package io.guanxi.crm.complaint;

import io.guanxi.crm.platform.db.SqlLists;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The three SLA deadlines and the states in which each one runs (the resolution clock runs from receipt): the one
 * place that says which clocks a complaint is on. The current one is the first that runs, in declaration order. Java ({@link #current}) and the SLA scan's SQL ({@link #statesSql}) read it from here.
 */
public enum SlaDeadline {
    ACKNOWLEDGE("acknowledge", s -> s == ComplaintState.RECEIVED, c -> c.acknowledgeDueAt, c -> c.acknowledgeBreachedAt),
    RESOLVE("resolve", ComplaintState::awaitsResolution, c -> c.resolveDueAt, c -> c.resolveBreachedAt),
    FOLLOW_UP("follow_up", s -> s == ComplaintState.RESOLVED, c -> c.followUpDueAt, c -> c.followUpBreachedAt);

    /** The column prefix: {@code <column>_due_at}, {@code <column>_breached_at}. */
    final String column;
    private final Predicate<ComplaintState> runsIn;
    private final Function<Complaint, Instant> dueAt;
    private final Function<Complaint, Instant> breachedAt;

    SlaDeadline(String column, Predicate<ComplaintState> runsIn, Function<Complaint, Instant> dueAt,
            Function<Complaint, Instant> breachedAt) {
        this.column = column;
        this.runsIn = runsIn;
        this.dueAt = dueAt;
        this.breachedAt = breachedAt;
    }

    /** The deadline running in {@code state}; null once the complaint is followed up or closed. */
    public static SlaDeadline current(ComplaintState state) {
        return Arrays.stream(values()).filter(d -> d.runsIn.test(state)).findFirst().orElse(null);
    }

    /** The states in which this deadline runs, as an SQL list for {@code state IN …}. */
    public String statesSql() {
        return SqlLists.inList(ComplaintState.values(), runsIn::test);
    }

    /** SQL: the due time of the deadline a complaint ({@code alias}) is currently on, null when none runs. */
    public static String currentDueSql(String alias) {
        StringBuilder sql = new StringBuilder("CASE");
        for (SlaDeadline d : values()) {
            sql.append(" WHEN ").append(alias).append(".state IN ").append(d.statesSql())
                    .append(" THEN ").append(alias).append('.').append(d.column).append("_due_at");
        }
        return sql.append(" END").toString();
    }

    /** The action code of the event recorded when this deadline is missed. */
    public String breachAction() {
        return "BREACH_" + name();
    }

    Instant dueAt(Complaint complaint) {
        return dueAt.apply(complaint);
    }

    Instant breachedAt(Complaint complaint) {
        return breachedAt.apply(complaint);
    }
}
