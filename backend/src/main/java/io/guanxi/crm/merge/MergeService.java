package io.guanxi.crm.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.contact.ContactMerging;
import io.guanxi.crm.merge.api.DuplicateContact;
import io.guanxi.crm.merge.api.DuplicateGroup;
import io.guanxi.crm.merge.api.MergeParty;
import io.guanxi.crm.merge.api.MergeRequest;
import io.guanxi.crm.merge.api.MergeResponse;
import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.AuditTrail;
import io.guanxi.crm.platform.audit.FieldChange;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.idempotency.Idempotency;
import io.guanxi.crm.platform.merge.CustomerRecords;
import io.guanxi.crm.platform.merge.CustomersMerged;
import io.guanxi.crm.platform.merge.PointsTransfer;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Duplicates and merges (issue 20 §3). A merge locks its contacts, gives the survivor the chosen values,
 * moves every feature's records ({@link CustomerRecords}) and the points ({@link PointsTransfer}), marks the
 * others merged, and records what moved so that {@link #undo} moves exactly those rows back.
 */
@ApplicationScoped
public class MergeService {

    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, UUID>> CHOICES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<UUID, Map<String, List<String>>>> MOVED = new TypeReference<>() {
    };
    private static final TypeReference<Map<UUID, String>> ARCHIVED = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, List<String>>> UNDO = new TypeReference<>() {
    };

    static final String AUDITED = "contact_merge";

    @Inject
    ContactMerging contacts;

    @Inject
    MergeRepository merges;

    @Inject
    Instance<CustomerRecords> records;

    @Inject
    Instance<PointsTransfer> points;

    @Inject
    Event<CustomersMerged> merged;

    @Inject
    Idempotency idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Transactional
    public PageResponse<DuplicateGroup> duplicates(String reason, Integer page, Integer size) {
        if (reason != null && !List.of("MOBILE", "EMAIL", "WECHAT_ID", "NAME_COMPANY").contains(reason)) {
            throw ProblemException.invalidField("reason", "must be one of MOBILE, EMAIL, WECHAT_ID, NAME_COMPANY");
        }
        PageRequest paging = PageRequest.of(page, size, null, Map.of("reason", "reason"), "reason,asc");
        ContactMerging.Groups found = contacts.duplicates(reason, paging.page(), paging.size());
        List<DuplicateGroup> groups = found.groups().stream().map(g -> new DuplicateGroup(g.reason(), g.contacts().stream()
                .map(c -> new DuplicateContact(c.id(), c.name(), c.company(), c.mobile(), c.email(), c.hasWechatId(), c.ownerId(),
                        c.ownerName(), c.createdAt(), c.version())).toList())).toList();
        return new PageResponse<>(groups, paging.page(), paging.size(), found.total());
    }

    @Transactional
    public Idempotency.Outcome merge(MergeRequest request, String key) {
        return idempotency.once(currentUser.id(), key, "contact-merge", request, () -> {
            MergeResponse done = doMerge(request);
            return Idempotency.Outcome.of(201, done, URI.create("/api/v1/merges/" + done.id()));
        });
    }

    private MergeResponse doMerge(MergeRequest request) {
        UUID survivorId = request.survivor().id();
        Map<UUID, String> etags = new LinkedHashMap<>();
        etags.put(survivorId, request.survivor().etag());
        for (MergeParty other : request.others()) {
            if (etags.put(other.id(), other.etag()) != null) {
                throw ProblemException.invalidField("others", "each contact once, and not the survivor");
            }
        }
        List<UUID> mergedIds = request.others().stream().map(MergeParty::id).toList();
        Map<String, UUID> choices = request.choices() == null ? Map.of() : request.choices();
        contacts.lockForMerge(etags);
        Map<String, String> before = contacts.fieldsOf(survivorId);
        ContactMerging.Applied applied = contacts.merge(survivorId, mergedIds, choices);
        Map<String, String> after = contacts.fieldsOf(survivorId);

        UUID id = Ids.newId();
        UUID actor = currentUser.id();
        Map<UUID, Map<String, List<String>>> moved = new LinkedHashMap<>();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        Map<UUID, Long> pointsByContact = new LinkedHashMap<>();
        for (UUID from : mergedIds) {
            Map<String, List<String>> ofContact = new LinkedHashMap<>();
            for (CustomerRecords kind : sorted()) {
                List<String> ids = kind.move(from, survivorId);
                ofContact.put(kind.kind(), ids);
                counts.merge(kind.kind(), ids.size(), Integer::sum);
            }
            moved.put(from, ofContact);
            long given = 0;
            for (PointsTransfer transfer : points) {
                given += transfer.transfer(from, survivorId, actor, "merge " + id);
            }
            pointsByContact.put(from, given);
        }
        long pointsMoved = pointsByContact.values().stream().mapToLong(Long::longValue).sum();
        Instant now = clock.instant();
        merges.insert(new MergeRepository.Row(id, survivorId, "{" + String.join(",", mergedIds.stream().map(UUID::toString).toList()) + "}",
                write(choices), write(before), write(after), write(applied.archivedBefore()), write(moved), write(counts), pointsMoved,
                write(pointsByContact), actor, now, null, null, null));
        audit.record(AuditAction.MERGE, AUDITED, id, survivorId, List.of(
                new FieldChange("mergedIds", null, String.join(", ", mergedIds.stream().map(UUID::toString).toList())),
                new FieldChange("choices", null, String.join(", ", new java.util.TreeSet<>(choices.keySet()))),
                new FieldChange("pointsMoved", null, Long.toString(pointsMoved))));
        for (UUID from : mergedIds) {
            audit.record(AuditAction.MERGE, "contact", from, from, List.of(new FieldChange("mergedInto", null, survivorId.toString())));
        }
        List<UUID> involved = new ArrayList<>(mergedIds);
        involved.add(0, survivorId);
        merged.fire(new CustomersMerged(survivorId, involved));
        return response(merges.find(id, false).orElseThrow());
    }

    @Transactional
    public MergeResponse get(UUID id) {
        return response(merges.find(id, false).orElseThrow(() -> ProblemException.notFound("Merge " + id)));
    }

    /**
     * Undoes a merge: refused (409 merge-not-undoable, with a {@code reason}) when it is undone already, when the
     * survivor took part in a later merge still in force or was merged away, or when it has spent points the merge
     * gave it; otherwise everything the merge did is taken back and recorded.
     */
    @Transactional
    public MergeResponse undo(UUID id) {
        MergeRepository.Row row = merges.find(id, true).orElseThrow(() -> ProblemException.notFound("Merge " + id));
        if (row.undoneAt() != null) {
            throw notUndoable("ALREADY_UNDONE", "This merge was undone already");
        }
        Map<UUID, Map<String, List<String>>> moved = read(row.moved(), MOVED);
        List<UUID> mergedIds = ids(row.mergedIds());
        String blocked = contacts.lockForUndo(row.survivorId(), mergedIds);
        if (blocked != null) {
            throw notUndoable(blocked, switch (blocked) {
                case "SURVIVOR_MERGED_SINCE" -> "The surviving contact was merged into another since; undo that merge first";
                case "ERASED_SINCE" -> "A contact of this merge was erased since";
                default -> "A merged contact changed since the merge";
            });
        }
        if (merges.laterMergeInForce(row.survivorId(), id)) {
            throw notUndoable("LATER_MERGE", "The surviving contact took part in a later merge; undo that merge first");
        }
        UUID actor = currentUser.id();
        long perContact = 0;
        // Points first: if the survivor spent them, nothing else has moved yet.
        if (row.pointsMoved() > 0) {
            for (Map.Entry<UUID, Long> transfer : read(row.pointsByContact(), POINTS).entrySet()) {
                for (PointsTransfer p : points) {
                    p.transferBack(transfer.getKey(), row.survivorId(), transfer.getValue(), actor, "undo merge " + id);
                }
                perContact += transfer.getValue();
            }
        }
        Map<String, CustomerRecords> byKind = new LinkedHashMap<>();
        sorted().forEach(k -> byKind.put(k.kind(), k));
        moved.forEach((from, kinds) -> kinds.forEach((kind, ids) -> {
            CustomerRecords target = byKind.get(kind);
            if (target != null) {
                target.moveBack(ids, from, row.survivorId());
            }
        }));
        ContactMerging.Restored restored = contacts.undo(row.survivorId(), read(row.survivorBefore(), STRINGS),
                read(row.survivorAfter(), STRINGS), mergedIds, read(row.mergedBefore(), ARCHIVED));
        Instant now = clock.instant();
        merges.markUndone(id, actor, now, write(Map.of("restored", restored.restored(), "kept", restored.kept())));
        audit.record(AuditAction.MERGE_UNDONE, AUDITED, id, row.survivorId(), List.of(
                new FieldChange("pointsMovedBack", null, Long.toString(perContact)),
                new FieldChange("restoredFields", null, String.join(", ", restored.restored())),
                new FieldChange("keptFields", null, String.join(", ", restored.kept()))));
        for (UUID from : mergedIds) {
            audit.record(AuditAction.MERGE_UNDONE, "contact", from, from, List.of(new FieldChange("mergedInto", row.survivorId().toString(), null)));
        }
        List<UUID> involved = new ArrayList<>(mergedIds);
        involved.add(0, row.survivorId());
        merged.fire(new CustomersMerged(row.survivorId(), involved));
        return response(merges.find(id, false).orElseThrow());
    }

    private static final TypeReference<Map<UUID, Long>> POINTS = new TypeReference<>() {
    };

    private List<CustomerRecords> sorted() {
        List<CustomerRecords> all = new ArrayList<>();
        records.forEach(all::add);
        all.sort(Comparator.comparing(CustomerRecords::kind));
        Set<String> kinds = new HashSet<>();
        for (CustomerRecords r : all) {
            if (!kinds.add(r.kind())) {
                throw new IllegalStateException("two CustomerRecords of kind " + r.kind());
            }
        }
        return all;
    }

    private static ProblemException notUndoable(String reason, String detail) {
        return new ProblemException(409, ProblemTypes.MERGE_NOT_UNDOABLE, "Merge cannot be undone", detail, List.of(),
                Map.of("reason", reason));
    }

    private MergeResponse response(MergeRepository.Row row) {
        Map<String, List<String>> undo = row.undoResult() == null ? null : read(row.undoResult(), UNDO);
        List<UUID> mergedIds = ids(row.mergedIds());
        return new MergeResponse(row.id(), row.survivorId(), mergedIds, read(row.choices(), CHOICES), read(row.counts(), COUNTS),
                row.pointsMoved(), row.actorId(), row.createdAt(), row.undoneAt(), row.undoneBy(),
                undo == null ? null : undo.get("restored"), undo == null ? null : undo.get("kept"));
    }

    private static List<UUID> ids(String array) {
        String inner = array.substring(1, array.length() - 1);
        return inner.isEmpty() ? List.of() : java.util.Arrays.stream(inner.split(",")).map(UUID::fromString).toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a merge record is not JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a merge record is not JSON", e);
        }
    }
}
