package io.guanxi.crm.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Filters of an activity list, already resolved: {@code assignee} null means everyone the caller may
 * see; {@code overdueAt} bounds the instant an open activity falls overdue (the "overdue" filter);
 * {@code dueFrom}/{@code dueBefore} bound its due time (today, the week, a range).
 */
record ActivityQuery(UUID assignee, ActivityStatus status, Instant overdueBy, Instant dueFrom, Instant dueBefore,
        List<ActivityKind> kinds, UUID contactId, UUID leadId, UUID complaintId) {
}
