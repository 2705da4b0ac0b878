package io.guanxi.crm.contact;

import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.AuditTrail;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.privacy.Masks;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contact's side of a merge (issue 20 §3): the duplicate finder, the survivor's chosen field values,
 * marking merged contacts (they keep answering with a pointer to the survivor) and taking all of it back.
 * The merge feature drives it; the records of other features move through their {@code CustomerRecords}.
 */
@ApplicationScoped
public class ContactMerging {

    /** The fields a merge picks a value for, each read and written as text (what the merge record keeps). */
    private record Field(Function<Contact, String> read, BiConsumer<Contact, String> write) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", new Field(c -> c.name, (c, v) -> {
            c.name = v;
            Pinyin.Reading reading = Pinyin.of(v);
            c.namePinyin = reading.full();
            c.nameInitials = reading.initials();
        }));
        FIELDS.put("mobile", new Field(c -> c.mobile, (c, v) -> c.mobile = v));
        FIELDS.put("email", new Field(c -> c.email, (c, v) -> c.email = v));
        FIELDS.put("wechatId", new Field(c -> c.wechatId, (c, v) -> c.wechatId = v));
        FIELDS.put("company", new Field(c -> c.company, (c, v) -> c.company = v));
        FIELDS.put("industry", new Field(c -> c.industry, (c, v) -> c.industry = v));
        FIELDS.put("region", new Field(c -> text(c.region), (c, v) -> c.region = v == null ? null : Region.valueOf(v)));
        FIELDS.put("city", new Field(c -> c.city, (c, v) -> c.city = v));
        // A full birthday and a month-day are one choice: "1986-04-12" or "--04-12".
        FIELDS.put("birthday", new Field(c -> c.birthday != null ? c.birthday.toString() : c.birthMonthDay, (c, v) -> {
            c.birthday = v == null || v.startsWith("--") ? null : LocalDate.parse(v);
            c.birthMonthDay = v != null && v.startsWith("--") ? v : null;
        }));
        FIELDS.put("sourceChannel", new Field(c -> text(c.sourceChannel),
                (c, v) -> c.sourceChannel = v == null ? null : SourceChannel.valueOf(v)));
        FIELDS.put("preferredChannel", new Field(c -> text(c.preferredChannel),
                (c, v) -> c.preferredChannel = v == null ? null : ContactChannel.valueOf(v)));
        FIELDS.put("hiddenNeeds", new Field(c -> c.hiddenNeeds, (c, v) -> c.hiddenNeeds = v));
        FIELDS.put("personalityType", new Field(c -> text(c.personalityType),
                (c, v) -> c.personalityType = v == null ? null : PersonalityType.valueOf(v)));
        FIELDS.put("lifecycleStage", new Field(c -> text(c.lifecycleStage), (c, v) -> c.lifecycleStage = LifecycleStage.valueOf(v)));
        FIELDS.put("ownerId", new Field(c -> text(c.ownerId), (c, v) -> c.ownerId = UUID.fromString(v)));
        FIELDS.put("referredById", new Field(c -> text(c.referredById), (c, v) -> c.referredById = v == null ? null : UUID.fromString(v)));
    }

    /** Tags are not chosen: the survivor gets the union. Kept with the fields for undo. */
    private static final String TAGS = "tags";

    /** The fields a merge may choose a value for, in the order a screen shows them. */
    public static final List<String> CHOOSABLE = List.copyOf(FIELDS.keySet());

    @Inject
    ContactMergeRepository merges;

    @Inject
    ContactRepository contacts;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** A contact of a duplicate group, as a list shows it (mobile and email masked). */
    public record Candidate(UUID id, String name, String company, String mobile, String email, boolean hasWechatId,
            UUID ownerId, String ownerName, Instant createdAt, long version) {
    }

    /** Contacts that look like one person, and why: MOBILE, EMAIL, WECHAT_ID or NAME_COMPANY. */
    public record Group(String reason, List<Candidate> contacts) {
    }

    public record Groups(List<Group> groups, long total) {
    }

    /** What the merge feature keeps to undo the contact side. */
    public record Applied(Map<String, String> survivorBefore, Map<UUID, String> archivedBefore) {
    }

    /** The survivor's fields after an undo: those restored, and those kept because someone changed them since. */
    public record Restored(List<String> restored, List<String> kept) {
    }

    /** Groups of possible duplicates among the contacts the caller sees, a page of groups. */
    @Transactional
    public Groups duplicates(String reason, int page, int size) {
        List<ContactMergeRepository.GroupRow> rows = merges.duplicateGroups(reason, size, (long) page * size);
        Set<UUID> ids = rows.stream().flatMap(r -> r.ids().stream()).collect(Collectors.toSet());
        Map<UUID, Contact> byId = ids.isEmpty() ? Map.of()
                : merges.visible(List.copyOf(ids)).stream().collect(Collectors.toMap(c -> c.id, c -> c));
        Map<UUID, String> owners = users.displayNames(byId.values().stream().map(c -> c.ownerId).collect(Collectors.toSet()));
        List<Group> groups = rows.stream().map(r -> new Group(r.reason(), r.ids().stream().map(byId::get).filter(Objects::nonNull)
                .sorted(java.util.Comparator.comparing((Contact c) -> c.createdAt).thenComparing(c -> c.id))
                .map(c -> new Candidate(c.id, c.name, c.company, c.mobile == null ? null : Masks.mobile(c.mobile),
                        c.email == null ? null : Masks.email(c.email), c.wechatId != null, c.ownerId, owners.get(c.ownerId),
                        c.createdAt, c.version)).toList())).toList();
        return new Groups(groups, rows.isEmpty() ? 0 : rows.get(0).total());
    }

    /**
     * Locks the survivor and the contacts merged into it (in id order) and checks each: the caller sees it
     * (else 404), it is not merged already (409 with {@code mergedInto}), not erased (409), and its version is
     * the one the user saw (412).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForMerge(Map<UUID, String> etags) {
        List<UUID> ids = List.copyOf(etags.keySet());
        Set<UUID> visible = merges.visible(ids).stream().map(c -> c.id).collect(Collectors.toSet());
        for (UUID id : ids) {
            if (!visible.contains(id)) {
                throw ProblemException.notFound("Contact " + id);
            }
        }
        for (Contact contact : merges.lockInOrder(ids)) {
            if (contact.mergedIntoId != null) {
                throw new ProblemException(409, ProblemTypes.CONTACT_MERGED, "Contact merged",
                        "One of these contacts was merged into another already; reload the duplicates", List.of(),
                        Map.of("contactId", contact.id, "mergedInto", contact.mergedIntoId));
            }
            if (contact.anonymisedAt != null) {
                throw new ProblemException(409, ProblemTypes.CONTACT_ANONYMISED, "Customer anonymised",
                        "An erased customer cannot be merged", List.of(), Map.of("contactId", contact.id));
            }
            IfMatch.check(etags.get(contact.id), contact.version);
        }
    }

    /**
     * Gives the survivor the chosen values (field → the contact whose value wins; a field not named keeps the
     * survivor's), the union of everyone's tags, and marks the others merged into it (archived too, so they
     * leave every list). The contacts must be locked ({@link #lockForMerge}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Applied merge(UUID survivorId, List<UUID> mergedIds, Map<String, UUID> choices) {
        for (Map.Entry<String, UUID> choice : choices.entrySet()) {
            if (!FIELDS.containsKey(choice.getKey())) {
                throw ProblemException.invalidField("choices." + choice.getKey(), "is not a field a merge chooses; one of " + CHOOSABLE);
            }
            if (!choice.getValue().equals(survivorId) && !mergedIds.contains(choice.getValue())) {
                throw ProblemException.invalidField("choices." + choice.getKey(), "must name one of the merged contacts");
            }
        }
        Instant now = clock.instant();
        Contact survivor = contacts.findForUpdateByFeature(survivorId).orElseThrow();
        Map<UUID, Contact> others = new HashMap<>();
        for (UUID id : mergedIds) {
            others.put(id, contacts.findForUpdateByFeature(id).orElseThrow());
        }
        Map<String, String> before = snapshot(survivor);
        Map<String, String> audited = ContactAudit.snapshot(survivor);
        LifecycleStage stageBefore = survivor.lifecycleStage;
        choices.forEach((field, from) -> {
            if (!from.equals(survivorId)) {
                Field f = FIELDS.get(field);
                String value = f.read().apply(others.get(from));
                if ("ownerId".equals(field)) {
                    users.requireAssignableOwner(UUID.fromString(value));
                }
                if ("referredById".equals(field) && value != null && (value.equals(survivorId.toString()) || mergedIds.contains(UUID.fromString(value)))) {
                    return; // a referral among the merged contacts would make the survivor refer itself
                }
                if (!"lifecycleStage".equals(field) || value != null) {
                    f.write().accept(survivor, value);
                }
            }
        });
        LinkedHashSet<String> tags = new LinkedHashSet<>(survivor.tags == null ? List.of() : survivor.tags);
        mergedIds.forEach(id -> tags.addAll(others.get(id).tags == null ? List.of() : others.get(id).tags));
        survivor.tags = new ArrayList<>(tags);
        survivor.completeness = Completeness.percent(survivor);
        survivor.updatedAt = now;
        Map<UUID, String> archivedBefore = new LinkedHashMap<>();
        for (UUID id : mergedIds) {
            Contact merged = others.get(id);
            archivedBefore.put(id, text(merged.archivedAt));
            merged.mergedIntoId = survivorId;
            merged.mergedAt = now;
            if (merged.archivedAt == null) {
                merged.archivedAt = now;
            }
            merged.updatedAt = now;
        }
        contacts.flush();
        if (survivor.lifecycleStage != stageBefore) {
            contacts.recordStage(survivorId, stageBefore, survivor.lifecycleStage, "EDITED", currentUser.id(), now);
        }
        var changes = ContactAudit.changes(audited, survivor);
        if (!changes.isEmpty()) {
            audit.record(AuditAction.UPDATE, ContactService.AUDITED, survivorId, survivorId, changes);
        }
        return new Applied(before, archivedBefore);
    }

    /**
     * Locks the contacts of a merge being undone and says why it cannot be undone, or null when it can:
     * the survivor was merged into another contact since, or a merged contact no longer points at it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String lockForUndo(UUID survivorId, List<UUID> mergedIds) {
        List<UUID> ids = new ArrayList<>(mergedIds);
        ids.add(survivorId);
        List<Contact> locked = merges.lockInOrder(ids);
        for (Contact contact : locked) {
            if (contact.id.equals(survivorId) && contact.mergedIntoId != null) {
                return "SURVIVOR_MERGED_SINCE";
            }
            if (!contact.id.equals(survivorId) && !survivorId.equals(contact.mergedIntoId)) {
                return "MERGED_CONTACT_CHANGED";
            }
            if (contact.anonymisedAt != null) {
                return "ERASED_SINCE";
            }
        }
        return null;
    }

    /**
     * Takes the merge back on the contact side: each survivor field the merge changed goes back to its value
     * before, unless someone changed it since (then the newer value stays: nothing typed after the merge is
     * lost); the merged contacts lose their pointer and get their archive state back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Restored undo(UUID survivorId, Map<String, String> survivorBefore, Map<String, String> survivorAfter,
            List<UUID> mergedIds, Map<UUID, String> archivedBefore) {
        Instant now = clock.instant();
        Contact survivor = contacts.findForUpdateByFeature(survivorId).orElseThrow();
        Map<String, String> audited = ContactAudit.snapshot(survivor);
        LifecycleStage stageBefore = survivor.lifecycleStage;
        Map<String, String> current = snapshot(survivor);
        List<String> restored = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        // A field absent from a stored map was empty (null values may be left out of the JSON).
        for (String field : current.keySet()) {
            String before = survivorBefore.get(field);
            String after = survivorAfter.get(field);
            if (Objects.equals(before, after)) {
                continue; // the merge did not change it
            }
            if (!Objects.equals(current.get(field), after)) {
                kept.add(field);
                continue;
            }
            if (TAGS.equals(field)) {
                survivor.tags = before == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(before.split("\n")));
            } else {
                FIELDS.get(field).write().accept(survivor, before);
            }
            restored.add(field);
        }
        survivor.completeness = Completeness.percent(survivor);
        survivor.updatedAt = now;
        for (UUID id : mergedIds) {
            Contact contact = contacts.findForUpdateByFeature(id).orElseThrow();
            String archivedAt = archivedBefore.get(id); // absent: it was not archived
            contact.mergedIntoId = null;
            contact.mergedAt = null;
            contact.archivedAt = archivedAt == null ? null : Instant.parse(archivedAt);
            contact.updatedAt = now;
        }
        contacts.flush();
        if (survivor.lifecycleStage != stageBefore) {
            contacts.recordStage(survivorId, stageBefore, survivor.lifecycleStage, "EDITED", currentUser.id(), now);
        }
        var changes = ContactAudit.changes(audited, survivor);
        if (!changes.isEmpty()) {
            audit.record(AuditAction.UPDATE, ContactService.AUDITED, survivorId, survivorId, changes);
        }
        return new Restored(restored, kept);
    }

    /** The survivor's merge fields and tags now, as the merge record keeps them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, String> fieldsOf(UUID contactId) {
        return snapshot(contacts.findForUpdateByFeature(contactId).orElseThrow());
    }

    /**
     * The answer for a merged contact's id: a pointer to the survivor (308 on a read, 410 on anything else). Only for
     * a caller who may see the survivor; {@link ContactService} answers anyone else 404 (docs/merge.md).
     */
    static ProblemException pointer(UUID survivorId, int status) {
        String location = "/api/v1/contacts/" + survivorId;
        return new ProblemException(status, ProblemTypes.CONTACT_MERGED, "Contact merged",
                "This contact was merged into another; use the survivor named in mergedInto", List.of(),
                status == 308 ? Map.of("mergedInto", survivorId, "location", location) : Map.of("mergedInto", survivorId));
    }

    private static Map<String, String> snapshot(Contact contact) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach((name, field) -> values.put(name, field.read().apply(contact)));
        values.put(TAGS, contact.tags == null || contact.tags.isEmpty() ? null : String.join("\n", contact.tags));
        return values;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
