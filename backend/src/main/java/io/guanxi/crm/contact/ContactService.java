package io.guanxi.crm.contact;

import io.guanxi.crm.contact.api.ContactRequest;
import io.guanxi.crm.contact.api.ContactReach;
import io.guanxi.crm.contact.api.ContactResponse;
import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.AuditTrail;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.BoundedPageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.visibility.Unscoped;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Rules of customer profiles: ownership, duplicates, normalisation, completeness, versions. */
@ApplicationScoped
public class ContactService {

    @Inject
    ContactRepository contacts;

    @Inject
    ContactMapper mapper;

    @Inject
    CustomerValues customerValues;

    @Inject
    Visibility visibility;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<ContactHandedOver> handedOver;

    @Inject
    AuditTrail audit;

    @Inject
    ContactPersonalDataRepository personalData;

    /** What the audit trail calls a contact. */
    static final String AUDITED = "contact";

    @Transactional
    public BoundedPageResponse<ContactResponse> list(ContactQuery query, Integer page, Integer size, String sort) {
        validate(query);
        PageRequest paging = PageRequest.of(page, size, sort, ContactRepository.SORTABLE, ContactRepository.LIST_DEFAULT_SORT);
        ContactRepository.Page result = contacts.search(query, paging);
        return BoundedPageResponse.of(listItems(result.items()), paging, result.total());
    }

    /** The list's own checks of its filters (an export and a bulk action's "all matching" selection take the same). */
    static void validate(ContactQuery query) {
        if (query.q() != null && query.q().length() > 100) {
            throw ProblemException.invalidField("q", "must be at most 100 characters");
        }
        // Longer than any stored value, a tag or industry filter could match nothing (the profile's own bounds).
        if (query.tags() != null && query.tags().stream().anyMatch(tag -> tag != null && tag.length() > 32)) {
            throw ProblemException.invalidField("tag", "must be at most 32 characters");
        }
        if (query.industry() != null && query.industry().length() > 64) {
            throw ProblemException.invalidField("industry", "must be at most 64 characters");
        }
        if (query.abcTier() != null && !List.of("A", "B", "C", "INACTIVE").contains(query.abcTier())) {
            throw ProblemException.invalidField("abcTier", "must be one of A, B, C, INACTIVE");
        }
        if (query.membershipLevel() != null && !List.of("SILVER", "GOLD", "PLATINUM").contains(query.membershipLevel())) {
            throw ProblemException.invalidField("membershipLevel", "must be one of SILVER, GOLD, PLATINUM");
        }
    }

    /** Contacts as the list shows them (the export writes the same); needs no caller: it runs in export jobs too. */
    List<ContactResponse> listItems(List<Contact> contactsShown) {
        Map<UUID, String> owners = users.displayNames(contactsShown.stream().map(c -> c.ownerId).collect(Collectors.toSet()));
        Map<UUID, CustomerValues.Badge> badges = customerValues.badgesOf(contactsShown.stream().map(c -> c.id).toList());
        return contactsShown.stream()
                .map(c -> {
                    CustomerValues.Badge badge = badges.getOrDefault(c.id, CustomerValues.Badge.NONE);
                    // Lists show mobiles and emails masked to everyone (issue 19 item 7): a list is for finding, not calling.
                    return mapper.toResponse(c, owners.get(c.ownerId), badge.abcTier(), badge.membershipLevel(), null, true);
                }).toList();
    }

    @Transactional
    public ContactResponse get(UUID id) {
        return toResponse(requireVisible(id));
    }

    /** Someone opens the customer's full profile (the detail or the 360 view): recorded in the audit trail. */
    @Transactional
    public ContactResponse openProfile(UUID id) {
        Contact contact = contacts.findVisible(id).orElseThrow(() -> Visibility.contactNotFound(id));
        if (contact.mergedIntoId != null) {
            throw merged(id, contact.mergedIntoId, 308); // a read follows the pointer to the survivor
        }
        audit.recordAccess(AuditAction.READ_PROFILE, AUDITED, id, id);
        return toResponse(contact);
    }

    /**
     * The mobile and email in full for anyone who may see the contact (a service agent calling back);
     * every reveal is recorded in the audit trail, so a masked screen stays the default and a look is accountable.
     */
    @Transactional
    public ContactReach reveal(UUID id) {
        Contact contact = requireVisible(id);
        audit.recordAccess(AuditAction.REVEAL, AUDITED, id, id);
        return new ContactReach(contact.id, contact.mobile, contact.email);
    }

    @Transactional
    public ContactResponse create(ContactRequest request, boolean confirmDuplicate) {
        Reach reach = Reach.of(request);
        UUID owner = ownerForNewContact(request.ownerId());
        if (!confirmDuplicate) {
            rejectDuplicates(reach.mobile(), reach.email(), null);
        }
        Contact contact = new Contact();
        contact.id = Ids.newId();
        contact.ownerId = owner;
        apply(request, reach, contact);
        contact.lifecycleStage = request.lifecycleStage() == null ? LifecycleStage.POTENTIAL : request.lifecycleStage();
        contact.createdAt = contact.updatedAt = clock.instant();
        contacts.persist(contact);
        contacts.recordStage(contact.id, null, contact.lifecycleStage, "CREATED", currentUser.id(), contact.createdAt);
        audit.record(AuditAction.CREATE, AUDITED, contact.id, contact.id, ContactAudit.changes(null, contact));
        return toResponse(contact);
    }

    @Transactional
    public ContactResponse update(UUID id, String ifMatch, ContactRequest request, boolean confirmDuplicate) {
        Contact contact = requireVisible(id);
        requireEditable(contact);
        IfMatch.check(ifMatch, contact.version);
        Reach reach = Reach.of(request);
        boolean reassign = request.ownerId() != null && !request.ownerId().equals(contact.ownerId);
        if (reassign) {
            if (!currentUser.isManagerOrAdmin()) {
                throw ProblemException.forbidden("Only managers and admins reassign contacts");
            }
            users.requireAssignableOwner(request.ownerId());
        }
        if (!confirmDuplicate) {
            // Only a changed mobile or email can newly collide; the current ones were accepted before.
            rejectDuplicates(Objects.equals(contact.mobile, reach.mobile()) ? null : reach.mobile(),
                    Objects.equals(contact.email, reach.email()) ? null : reach.email(), contact.id);
        }
        UUID previousOwner = contact.ownerId;
        Map<String, String> before = ContactAudit.snapshot(contact);
        if (reassign) {
            contact.ownerId = request.ownerId();
        }
        apply(request, reach, contact);
        LifecycleStage previousStage = contact.lifecycleStage;
        if (request.lifecycleStage() != null && request.lifecycleStage() != previousStage) {
            if (!currentUser.isManagerOrAdmin() && !LifecycleRules.repMayMove(previousStage, request.lifecycleStage())) {
                throw ProblemException.conflict("Moving a contact from " + previousStage + " to "
                        + request.lifecycleStage() + " skips or reverses a stage; ask a manager");
            }
            contact.lifecycleStage = request.lifecycleStage();
        }
        contact.updatedAt = clock.instant();
        contacts.flush();
        if (reassign) {
            handedOver.fire(new ContactHandedOver(contact.id, previousOwner, contact.ownerId, currentUser.id(),
                    currentUser.username(), null));
        }
        if (contact.lifecycleStage != previousStage) {
            contacts.recordStage(contact.id, previousStage, contact.lifecycleStage, "EDITED", currentUser.id(), contact.updatedAt);
        }
        recordChanges(before, contact);
        return toResponse(contact);
    }

    /** Archives (soft-deletes) a contact: it leaves lists and searches but keeps its history. */
    @Transactional
    public void archive(UUID id) {
        Contact contact = requireVisible(id);
        requireEditable(contact);
        if (contact.archivedAt == null) {
            contact.archivedAt = clock.instant();
            contact.updatedAt = contact.archivedAt;
            audit.record(AuditAction.DELETE, AUDITED, id, id, List.of());
        }
    }

    @Transactional
    public ContactResponse restore(UUID id) {
        Contact contact = requireVisible(id);
        requireEditable(contact);
        if (contact.archivedAt != null) {
            Map<String, String> before = ContactAudit.snapshot(contact);
            contact.archivedAt = null;
            contact.updatedAt = clock.instant();
            contacts.flush();
            recordChanges(before, contact);
        }
        return toResponse(contact);
    }

    /** 404 unless the contact exists and the caller may see it; for features that read what hangs off a contact. */
    @Transactional
    public void requireVisibleContact(UUID id) {
        visibility.requireContact(id);
    }

    /**
     * For features that attach a new record to a contact (an interaction, a consent, an activity, a lead, a sale,
     * points, a complaint, a survey, a churn): 404 unless the caller may see it, and 410 contact-merged (with the
     * survivor in mergedInto) when it was merged into another, as a direct change of it answers. Without this the
     * record would hang off a contact that left every list, and no later merge would move it.
     */
    @Transactional
    public void requireContactForWriting(UUID id) {
        List<UUID> mergedInto = contacts.mergedIntoOfVisible(id);
        if (mergedInto.isEmpty()) {
            throw Visibility.contactNotFound(id);
        }
        if (mergedInto.get(0) != null) {
            throw merged(id, mergedInto.get(0), 410);
        }
    }

    /**
     * A converted lead or a recorded sale makes its contact a customer: the stage moves to PURCHASE unless it is already
     * there or beyond (a loyal customer stays loyal). Recorded with the cause.
     */
    @Unscoped(value = "Locks the contact to move its stage; the caller has checked it may act on it (a visible lead, a sale it may post)", callers = {"purchase", "lead"})
    @Transactional
    public void markPurchased(UUID id, UUID actor, String cause) {
        // The caller has checked the contact may be acted on (a lead the caller sees, a sale it may record).
        Contact contact = contacts.findForUpdateByFeature(id).orElseThrow(() -> ProblemException.notFound("Contact " + id));
        if (contact.lifecycleStage == LifecycleStage.POTENTIAL || contact.lifecycleStage == LifecycleStage.AWARENESS
                || contact.lifecycleStage == LifecycleStage.CHURNED) {
            LifecycleStage previous = contact.lifecycleStage;
            contact.lifecycleStage = LifecycleStage.PURCHASE;
            contact.updatedAt = clock.instant();
            contacts.flush();
            contacts.recordStage(id, previous, LifecycleStage.PURCHASE, cause, actor, contact.updatedAt);
        }
    }

    /** A customer the churn feature moved to CHURNED: the stage it left and who owned it. */
    public record ChurnedCustomer(UUID contactId, LifecycleStage fromStage, UUID ownerId) {
    }

    /**
     * Moves these customers to CHURNED (cause {@code CHURN_RULE} or {@code CHURN_HAND} in the lifecycle
     * history), each unless it is archived or churned already; returns the ones moved. Safe under
     * concurrency: a customer is moved once however many callers ask at the same time.
     */
    @Unscoped(value = "The churn rule moves the customers it found; a churn by hand checked the caller sees the customer", callers = "churn")
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ChurnedCustomer> moveToChurned(java.util.Collection<UUID> ids, String cause, UUID actor, Instant at) {
        if (!cause.equals("CHURN_RULE") && !cause.equals("CHURN_HAND")) {
            throw new IllegalArgumentException("cause " + cause);
        }
        return contacts.moveToChurned(ids, cause, actor, at).stream()
                .map(r -> new ChurnedCustomer(Rows.uuid(r, "id"), Rows.enumValue(r, "from_stage", LifecycleStage.class),
                        Rows.uuid(r, "owner_id")))
                .toList();
    }

    @Transactional
    public List<StageChange> stageHistory(UUID id) {
        // History, not a change: a merged contact's answers too, as its interactions and points statement do.
        visibility.requireContact(id);
        return contacts.stageHistory(id);
    }

    /** The existing person with the request's canonical mobile or email, team-wide (for lead capture). */
    @Unscoped(value = "Team-wide by mobile or email so a capture never duplicates a known person; returns id and owner only", callers = "lead")
    @Transactional
    public Optional<CapturedPerson> findCapturedPerson(ContactRequest request) {
        Reach reach = Reach.of(request);
        if (reach.mobile() == null && reach.email() == null) {
            return Optional.empty();
        }
        return contacts.findCapturedPerson(reach.mobile(), reach.email());
    }

    /** The canonical mobile and email of a request, e.g. to serialise captures of one person. */
    public static List<String> reachKeys(ContactRequest request) {
        Reach reach = Reach.of(request);
        return java.util.stream.Stream.of(reach.mobile(), reach.email()).filter(Objects::nonNull).sorted().toList();
    }

    /**
     * A manager hands a customer to someone else with the leads about it (a lead reassignment): the
     * contact changes owner and its open leads and activities follow ({@link ContactHandedOver}).
     */
    @Unscoped(value = "A manager reassigning leads hands over their customers, whoever holds them", callers = "lead")
    @Transactional
    public void handOver(UUID contactId, UUID newOwner, String note) {
        if (!currentUser.isManagerOrAdmin()) {
            throw ProblemException.forbidden("Only managers and admins hand customers over");
        }
        users.requireAssignableOwner(newOwner);
        Contact contact = requireVisible(contactId);
        UUID previousOwner = contact.ownerId;
        if (!previousOwner.equals(newOwner)) {
            Map<String, String> before = ContactAudit.snapshot(contact);
            contact.ownerId = newOwner;
            contact.updatedAt = clock.instant();
            contacts.flush();
            recordChanges(before, contact);
        }
        handedOver.fire(new ContactHandedOver(contactId, previousOwner, newOwner, currentUser.id(), currentUser.username(), note));
    }

    /** When a captured contact's lead gets an owner, the contact follows (it was held by the integrator). */
    @Unscoped(value = "Hands a captured contact to the rep who now owns its lead", callers = "lead")
    @Transactional
    public void handOverCaptured(UUID contactId, UUID newOwner) {
        contacts.handOverCaptured(contactId, newOwner, clock.instant());
    }

    /**
     * The contacts a rights request about this one covers: a merge declared them one person, so the survivor and every
     * contact merged into it (ids that may be archived, merged or anonymised), the top survivor first.
     */
    @Unscoped(value = "A rights request is about the person, whoever's book the merged rows were in; only admins handle them",
            callers = "privacy")
    @Transactional
    public List<UUID> samePerson(UUID contactId) {
        return personalData.samePerson(contactId);
    }

    /** Who owns this customer, for a feature that hands work to the owner; empty when archived or unknown. */
    @Unscoped(value = "A closed complaint hands a sales follow-up to the customer's owner, whoever closed it", callers = "complaint")
    @Transactional
    public Optional<UUID> ownerOf(UUID contactId) {
        return contacts.ownerOfActive(contactId);
    }

    /** Whether the caller may see this contact (for features that hang off a contact). */
    @Transactional
    public boolean isVisible(UUID id) {
        return visibility.contactVisible(id);
    }

    /**
     * The customer a system (integrator) posts about, by id or canonical mobile, team-wide: an
     * integrator has no scope of its own. 404 when there is no such (non-archived) contact.
     */
    @Unscoped(value = "An integrator posts about any customer by id or mobile; returns the id only", callers = {"purchase", "loyalty"})
    @Transactional
    public UUID resolveForIntegration(UUID id, String mobile) {
        if ((id == null) == (mobile == null || mobile.isBlank())) {
            throw ProblemException.invalidField("contactId", "give either contactId or contactMobile");
        }
        if (id != null) {
            return contacts.existsActive(id) ? id : notFound("Contact " + id);
        }
        String canonical = PhoneNumbers.normalise(mobile).orElseThrow(() -> ProblemException.invalidField("contactMobile",
                "must be a mainland mobile (11 digits starting with 1) or an international number starting with +"));
        return contacts.findCapturedPerson(canonical, null).map(CapturedPerson::id)
                .orElseGet(() -> notFound("A contact with this mobile"));
    }

    private static UUID notFound(String what) {
        throw ProblemException.notFound(what);
    }

    /**
     * Names of those of these contacts the caller may see, for features that show what a record is
     * about; a contact the caller may not see has no name here (absent from the map).
     */
    @Transactional
    public Map<UUID, String> names(java.util.Collection<UUID> ids) {
        return contacts.visibleNames(ids);
    }

    /**
     * Names of the contacts of leads the caller may see, whoever owns the contact: a lead in a rep's
     * queue (unassigned, its contact still held by the integrator that captured it) shows who it is
     * about. The lead's visibility decides; nothing else may call this.
     */
    @Unscoped(value = "The lead's visibility grants its contact's name", callers = "lead")
    @Transactional
    public Map<UUID, String> namesOfVisibleLeads(java.util.Collection<UUID> ids) {
        return contacts.namesOf(ids);
    }

    /** Records that someone was in touch with the contact at this time (lastContactedAt never goes back). */
    @Unscoped(value = "Moves lastContactedAt after the caller logged an interaction with a contact it may see", callers = "interaction")
    @Transactional
    public void recordContactMade(UUID id, Instant at) {
        contacts.touchLastContacted(id, at);
    }

    /**
     * A bulk edit of one contact the caller may edit (locked by the caller): the change, then — if it changed
     * anything — the new updatedAt and version and the audit entry, exactly as a single edit records them.
     */
    boolean editInBulk(Contact contact, java.util.function.Consumer<Contact> change) {
        Map<String, String> before = ContactAudit.snapshot(contact);
        change.accept(contact);
        if (ContactAudit.changes(before, contact).isEmpty()) {
            return false;
        }
        contact.updatedAt = clock.instant();
        contacts.flush();
        recordChanges(before, contact);
        return true;
    }

    /**
     * A bulk stage change of one contact, as a single edit makes it: the caller has checked
     * {@link LifecycleRules} for a rep; the move is recorded in the stage history (cause EDITED) and the audit trail.
     */
    boolean moveStageInBulk(Contact contact, LifecycleStage to) {
        LifecycleStage previous = contact.lifecycleStage;
        if (!editInBulk(contact, c -> c.lifecycleStage = to)) {
            return false;
        }
        contacts.recordStage(contact.id, previous, to, "EDITED", currentUser.id(), contact.updatedAt);
        return true;
    }

    /** Tags as a single edit stores them: trimmed, no blanks, no repeats, in order. */
    static List<String> tagsOf(List<String> tags) {
        return normaliseTags(tags);
    }

    private void recordChanges(Map<String, String> before, Contact contact) {
        var changes = ContactAudit.changes(before, contact);
        if (!changes.isEmpty()) {
            audit.record(AuditAction.UPDATE, AUDITED, contact.id, contact.id, changes);
        }
    }

    private Contact requireVisible(UUID id) {
        Contact contact = contacts.findVisible(id).orElseThrow(() -> Visibility.contactNotFound(id));
        if (contact.mergedIntoId != null) {
            throw merged(id, contact.mergedIntoId, 410); // merged into another: nothing more happens on this id
        }
        return contact;
    }

    /**
     * A merged contact's answer: the pointer to its survivor, or 404 when the caller may not see the survivor (it is
     * in another rep's book): the merge handed this person over, and the pointer would name a contact they may not reach.
     */
    private ProblemException merged(UUID id, UUID survivorId, int status) {
        return visibility.contactVisible(survivorId) ? ContactMerging.pointer(survivorId, status) : Visibility.contactNotFound(id);
    }

    /**
     * The detail shows mobile and email in full to those who work the customer: its owner, managers and admins.
     * Service agents (and anyone else who may see it) get them masked and reveal them when a call needs it.
     */
    private boolean seesReachInFull(Contact contact) {
        return currentUser.isManagerOrAdmin() || contact.ownerId.equals(currentUser.id());
    }

    private void requireEditable(Contact contact) {
        if (contact.anonymisedAt != null) {
            throw new ProblemException(409, ProblemTypes.CONTACT_ANONYMISED, "Customer anonymised",
                    "This customer's personal data was erased; the profile is kept for the books and cannot be edited");
        }
        if (!currentUser.isManagerOrAdmin() && !contact.ownerId.equals(currentUser.id())) {
            throw ProblemException.forbidden("You can read this contact but not change it");
        }
    }

    private UUID ownerForNewContact(UUID requestedOwner) {
        UUID me = currentUser.id();
        if (requestedOwner == null || requestedOwner.equals(me)) {
            return me;
        }
        if (!currentUser.isManagerOrAdmin()) {
            throw ProblemException.forbidden("Only managers and admins assign contacts to someone else");
        }
        users.requireAssignableOwner(requestedOwner);
        return requestedOwner;
    }

    /** Canonical mobile and email of a request: what duplicates are detected on. */
    private record Reach(String mobile, String email) {
        static Reach of(ContactRequest request) {
            String mobile = blankToNull(request.mobile()) == null ? null : PhoneNumbers.normalise(request.mobile())
                    .orElseThrow(() -> ProblemException.invalidField("mobile",
                            "must be a mainland mobile (11 digits starting with 1) or an international number starting with +"));
            String email = blankToNull(request.email()) == null ? null : request.email().trim().toLowerCase(Locale.ROOT);
            return new Reach(mobile, email);
        }
    }

    private void apply(ContactRequest request, Reach reach, Contact contact) {
        mapper.copyEditableFields(request, contact);
        contact.name = request.name().trim();
        Pinyin.Reading reading = Pinyin.of(contact.name);
        contact.namePinyin = reading.full();
        contact.nameInitials = reading.initials();
        contact.mobile = reach.mobile();
        contact.email = reach.email();
        contact.wechatId = blankToNull(contact.wechatId);
        contact.company = blankToNull(contact.company);
        contact.industry = blankToNull(contact.industry);
        contact.city = blankToNull(contact.city);
        contact.hiddenNeeds = blankToNull(contact.hiddenNeeds);
        contact.tags = normaliseTags(request.tags());
        contact.marketingConsent = Boolean.TRUE.equals(request.marketingConsent());
        contact.birthMonthDay = validMonthDay(request.birthday(), request.birthMonthDay());
        if (request.referredById() != null && !request.referredById().equals(contact.referredById)) {
            if (request.referredById().equals(contact.id)) {
                throw ProblemException.invalidField("referredById", "a customer cannot refer themselves");
            }
            // Another rep's customer answers exactly as a contact that does not exist: no oracle, no name.
            if (contacts.findVisible(request.referredById()).filter(r -> r.archivedAt == null).isEmpty()) {
                throw ProblemException.invalidField("referredById", "no such contact");
            }
            contact.referredById = request.referredById();
        }
        contact.completeness = Completeness.percent(contact);
    }

    private void rejectDuplicates(String mobile, String email, UUID excludeId) {
        List<ContactRepository.DuplicateMatch> matches = contacts.findDuplicates(mobile, email, excludeId);
        if (matches.isEmpty()) {
            return;
        }
        ContactRepository.DuplicateMatch first = matches.get(0);
        List<Map<String, Object>> duplicates = matches.stream().map(m -> Map.<String, Object>of(
                "id", m.id(), "matchedOn", m.matchedOn(), "visibleToYou", m.visibleToCaller())).toList();
        String owner = first.visibleToCaller() ? "" : " (owned by another rep)";
        throw new ProblemException(409, ProblemTypes.DUPLICATE_CONTACT, "Possible duplicate",
                "A contact with this " + first.matchedOn() + " already exists" + owner
                        + "; open it, or repeat the request with confirmDuplicate=true to create another one",
                List.of(), Map.of("existingId", first.id(), "duplicates", duplicates));
    }

    private ContactResponse toResponse(Contact contact) {
        CustomerValues.Badge badge = customerValues.badgesOf(List.of(contact.id)).getOrDefault(contact.id, CustomerValues.Badge.NONE);
        // A referrer the caller may not see (reassigned since) is named by id only.
        String referrer = contact.referredById == null ? null
                : contacts.visibleNames(List.of(contact.referredById)).get(contact.referredById);
        return mapper.toResponse(contact, users.displayNames(Set.of(contact.ownerId)).get(contact.ownerId), badge.abcTier(),
                badge.membershipLevel(), referrer, !seesReachInFull(contact));
    }

    private static List<String> normaliseTags(List<String> tags) {
        if (tags == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(tags.stream().map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** A birthday without its year, "--MM-DD" (29 February allowed), or null; never together with the full date. */
    static String validMonthDay(java.time.LocalDate birthday, String monthDay) {
        if (monthDay == null || monthDay.isBlank()) {
            return null;
        }
        if (birthday != null) {
            throw ProblemException.invalidField("birthMonthDay", "give either birthday or birthMonthDay, not both");
        }
        try {
            return MonthDay.parse(monthDay).toString();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("birthMonthDay", "must be a month and day, --MM-DD");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
