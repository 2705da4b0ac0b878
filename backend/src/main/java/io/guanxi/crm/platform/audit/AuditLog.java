package io.guanxi.crm.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.platform.audit.api.AuditEntryResponse;
import io.guanxi.crm.platform.audit.api.AuditVerification;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading the trail: the admin's search and the verification of the chain. */
@ApplicationScoped
public class AuditLog {

    private static final int VERIFY_BATCH = 2000;
    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    @Inject
    AuditRepository repository;

    @Inject
    ObjectMapper json;

    @Inject
    GuanxiConfig config;

    @Transactional
    public PageResponse<AuditEntryResponse> search(UUID userId, UUID contactId, AuditAction action, LocalDate from, LocalDate to,
            Integer page, Integer size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        PageRequest paging = PageRequest.of(page, size, null, Map.of("seq", "seq"), "seq,desc");
        ZoneId local = ZoneId.of(config.zone());
        AuditRepository.Filter filter = new AuditRepository.Filter(userId, contactId, action == null ? null : action.name(),
                from == null ? null : from.atStartOfDay(local).toInstant(), to == null ? null : to.plusDays(1).atStartOfDay(local).toInstant());
        List<AuditEntryResponse> items = repository.search(filter, paging.offset(), paging.size()).stream().map(this::toResponse).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), repository.count(filter));
    }

    /** Walks the chain from the first entry: each must link to the one before and hash to its own content. */
    @Transactional
    public AuditVerification verify() {
        String prev = AuditHash.GENESIS;
        long checked = 0;
        long after = 0;
        Long lastSeq = null;
        while (true) {
            List<AuditRepository.Stored> batch = repository.chainAfter(after, VERIFY_BATCH);
            for (AuditRepository.Stored entry : batch) {
                if (!entry.prevHash().equals(prev) || !AuditHash.of(entry.prevHash(), entry.fields()).equals(entry.hash())) {
                    return new AuditVerification(false, checked, entry.seq(), lastSeq, prev);
                }
                prev = entry.hash();
                lastSeq = entry.seq();
                checked++;
            }
            if (batch.size() < VERIFY_BATCH) {
                return new AuditVerification(true, checked, null, lastSeq, lastSeq == null ? null : prev);
            }
            after = lastSeq;
        }
    }

    /** A customer's entries, oldest first: who read, changed, exported or revealed them. */
    @Transactional
    public List<AuditEntryResponse> ofContact(UUID contactId) {
        return repository.ofContact(contactId).stream().map(this::toResponse).toList();
    }

    private AuditEntryResponse toResponse(AuditRepository.Stored entry) {
        AuditHash.Fields f = entry.fields();
        return new AuditEntryResponse(entry.seq(), f.id(), f.at(), f.userId(), f.username(), AuditAction.valueOf(f.action()),
                f.entityType(), f.entityId(), f.contactId(), changes(f.changes()), f.clientAddress(), f.requestId());
    }

    private List<FieldChange> changes(String stored) {
        try {
            return json.readValue(stored, CHANGES);
        } catch (JsonProcessingException e) {
            return List.of(); // only a tampered row is unreadable, and verify names it
        }
    }
}
