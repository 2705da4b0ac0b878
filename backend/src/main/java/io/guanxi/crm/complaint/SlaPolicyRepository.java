package io.guanxi.crm.complaint;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The four rows of {@code complaint_sla_policy}, one per severity. */
@ApplicationScoped
public class SlaPolicyRepository implements PanacheRepositoryBase<SlaPolicy, Severity> {

    SlaPolicy of(Severity severity) {
        return findById(severity);
    }

    Map<Severity, SlaPolicy> bySeverity() {
        Map<Severity, SlaPolicy> map = new EnumMap<>(Severity.class);
        listAll().forEach(p -> map.put(p.severity, p));
        return map;
    }

    /** All four, locked for one policy change (an implementation detail of the change; If-Match decides who wins). */
    List<SlaPolicy> lockAll() {
        return find("order by severity").withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
