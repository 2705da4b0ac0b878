package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.SlaPolicyEntry;
import io.guanxi.crm.platform.error.FieldError;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The complaint SLA policy: one editable resource of four rows (one per severity) with one version, its ETag. A
 * change names that version in If-Match (428 without, 412 when stale); the four rows move to the next version
 * together, so their version is always the same.
 */
@ApplicationScoped
public class SlaPolicyService {

    /** The policy as read: its entries by severity and its version. */
    public record Policy(List<SlaPolicyEntry> entries, long version) {
    }

    @Inject
    SlaPolicyRepository repository;

    @Inject
    Clock clock;

    @Transactional
    public Policy get() {
        return policy(repository.listAll());
    }

    @Transactional
    public Policy change(String ifMatch, List<SlaPolicyEntry> entries) {
        long expected = IfMatch.requiredVersion(ifMatch);
        Set<Severity> given = entries.stream().map(SlaPolicyEntry::severity).collect(Collectors.toSet());
        if (entries.size() != Severity.values().length || !given.equals(EnumSet.allOf(Severity.class))) {
            throw new ProblemException(400, ProblemTypes.VALIDATION, "Validation failed", "Give exactly one entry per severity",
                    List.of(new FieldError("severity", "one entry each for LOW, MEDIUM, HIGH, CRITICAL")), Map.of());
        }
        for (SlaPolicyEntry entry : entries) {
            if (entry.acknowledgeMinutes() > entry.resolveMinutes()) {
                throw ProblemException.invalidField("acknowledgeMinutes", "must not exceed resolveMinutes (" + entry.severity() + ")");
            }
        }
        List<SlaPolicy> rows = repository.lockAll();
        long version = version(rows);
        if (version != expected) {
            throw IfMatch.stale();
        }
        Map<Severity, SlaPolicyEntry> bySeverity = entries.stream().collect(Collectors.toMap(SlaPolicyEntry::severity, e -> e));
        Instant now = clock.instant();
        for (SlaPolicy policy : rows) {
            SlaPolicyEntry entry = bySeverity.get(policy.severity);
            policy.acknowledgeMinutes = entry.acknowledgeMinutes();
            policy.resolveMinutes = entry.resolveMinutes();
            policy.followUpMinutes = entry.followUpMinutes();
            policy.warnBeforeMinutes = entry.warnBeforeMinutes();
            policy.updatedAt = now;
            policy.version = version + 1;
        }
        return policy(rows);
    }

    private static long version(Collection<SlaPolicy> rows) {
        return rows.stream().mapToLong(p -> p.version).max().orElse(0);
    }

    private static Policy policy(List<SlaPolicy> rows) {
        List<SlaPolicyEntry> entries = rows.stream().sorted((a, b) -> a.severity.compareTo(b.severity))
                .map(p -> new SlaPolicyEntry(p.severity, p.acknowledgeMinutes, p.resolveMinutes, p.followUpMinutes, p.warnBeforeMinutes))
                .toList();
        return new Policy(entries, version(rows));
    }
}
