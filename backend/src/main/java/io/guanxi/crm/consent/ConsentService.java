package io.guanxi.crm.consent;

import io.guanxi.crm.consent.api.ConsentEntryResponse;
import io.guanxi.crm.consent.api.ConsentPurposeRequest;
import io.guanxi.crm.consent.api.ConsentPurposeResponse;
import io.guanxi.crm.consent.api.ConsentRequest;
import io.guanxi.crm.consent.api.ConsentStateResponse;
import io.guanxi.crm.consent.api.ContactConsentsResponse;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.AuditTrail;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.idempotency.Idempotency;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Purposes (admins define them) and each customer's ledger of grants and withdrawals. The current state is
 * derived, never stored: the latest entry per purpose wins, otherwise the purpose's default
 * ({@link ConsentPurpose#unanswered}); {@link ConsentSql} is the same rule for set-based statements.
 * Refusing consent never blocks service (PIPL Art. 16): nothing here stops a call, a complaint or a sale.
 */
@ApplicationScoped
public class ConsentService {

    @Inject
    ConsentPurposeRepository purposes;

    @Inject
    ConsentRepository entries;

    @Inject
    Visibility visibility;

    @Inject
    ContactService contacts;

    @Inject
    CurrentUser currentUser;

    @Inject
    UserService users;

    @Inject
    Idempotency idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    Event<ConsentChanged> changed;

    @Inject
    Clock clock;

    @Transactional
    public List<ConsentPurposeResponse> listPurposes() {
        return purposes.all().stream().map(ConsentService::toResponse).toList();
    }

    @Transactional
    public ConsentPurposeResponse getPurpose(UUID id) {
        return toResponse(requirePurpose(id));
    }

    @Transactional
    public ConsentPurposeResponse createPurpose(ConsentPurposeRequest request) {
        if (purposes.byCode(request.code()).isPresent()) {
            throw ProblemException.conflict("A purpose with this code exists");
        }
        ConsentPurpose purpose = new ConsentPurpose();
        purpose.id = Ids.newId();
        purpose.code = request.code();
        apply(request, purpose);
        purpose.createdAt = purpose.updatedAt = clock.instant();
        purposes.persist(purpose);
        purposes.flush();
        return toResponse(purpose);
    }

    @Transactional
    public ConsentPurposeResponse updatePurpose(UUID id, String ifMatch, ConsentPurposeRequest request) {
        ConsentPurpose purpose = requirePurpose(id);
        IfMatch.check(ifMatch, purpose.version);
        if (!purpose.code.equals(request.code())) {
            throw ProblemException.invalidField("code", "a purpose keeps its code (" + purpose.code + ")");
        }
        apply(request, purpose);
        purpose.updatedAt = clock.instant();
        purposes.flush();
        return toResponse(purpose);
    }

    /** A visible customer's state per purpose and ledger; 404 for a customer the caller may not see. */
    @Transactional
    public ContactConsentsResponse ofContact(UUID contactId) {
        visibility.requireContact(contactId);
        boolean profileFlag = entries.profileFlag(contactId).orElse(false);
        List<ConsentEntry> ledger = entries.ledger(contactId);
        List<ConsentPurpose> all = purposes.all();
        Map<UUID, ConsentPurpose> byId = all.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<UUID, ConsentEntry> latest = new HashMap<>();
        ledger.forEach(e -> latest.putIfAbsent(e.purposeId, e)); // newest first
        List<ConsentStateResponse> states = all.stream().map(p -> {
            ConsentEntry last = latest.get(p.id);
            ConsentStatus status = last == null ? p.unanswered(profileFlag)
                    : last.decision == ConsentDecision.GRANTED ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN;
            return new ConsentStateResponse(p.code, p.nameZh, p.nameEn, p.legalBasis, p.active, status, status.allows(),
                    last == null ? null : last.recordedAt);
        }).toList();
        Map<UUID, String> names = users.displayNames(ledger.stream().map(e -> e.recordedBy).collect(Collectors.toSet()));
        return new ContactConsentsResponse(contactId, states,
                ledger.stream().map(e -> toResponse(e, byId.get(e.purposeId).code, names.get(e.recordedBy))).toList());
    }

    /** One entry of a visible customer's ledger. */
    @Transactional
    public ConsentEntryResponse entry(UUID contactId, UUID entryId) {
        visibility.requireContact(contactId);
        ConsentEntry entry = entries.findByIdOptional(entryId).filter(e -> e.contactId.equals(contactId))
                .orElseThrow(() -> ProblemException.notFound("Consent entry " + entryId));
        String code = purposes.findById(entry.purposeId).code;
        return toResponse(entry, code, users.displayNames(Set.of(entry.recordedBy)).get(entry.recordedBy));
    }

    /** Records a grant or withdrawal for a visible customer, once per Idempotency-Key. */
    @Transactional
    public Idempotency.Outcome record(UUID contactId, ConsentRequest request, String idempotencyKey, Function<UUID, URI> location) {
        contacts.requireContactForWriting(contactId);
        return idempotency.once(currentUser.id(), idempotencyKey, "consent:" + contactId, request, () -> {
            ConsentEntryResponse created = record(contactId, request);
            return Idempotency.Outcome.of(201, created, location.apply(created.id()));
        });
    }

    private ConsentEntryResponse record(UUID contactId, ConsentRequest request) {
        ConsentPurpose purpose = purposes.byCode(request.purpose())
                .orElseThrow(() -> ProblemException.invalidField("purpose", "no purpose has this code"));
        if (!purpose.active) {
            throw ProblemException.invalidField("purpose", "this purpose is no longer in use");
        }
        ConsentEntry entry = new ConsentEntry();
        entry.id = Ids.newId();
        entry.contactId = contactId;
        entry.purposeId = purpose.id;
        entry.decision = request.decision();
        entry.channel = request.channel();
        entry.evidence = request.evidence() == null || request.evidence().isBlank() ? null : request.evidence().strip();
        entry.recordedBy = currentUser.id();
        entry.recordedAt = clock.instant();
        entries.persist(entry);
        entries.flush();
        audit.record(entry.decision == ConsentDecision.GRANTED ? AuditAction.CONSENT_GRANTED : AuditAction.CONSENT_WITHDRAWN,
                "consent", entry.id, contactId, List.of());
        changed.fire(new ConsentChanged(contactId, purpose.code, entry.decision == ConsentDecision.GRANTED));
        return toResponse(entry, purpose.code, users.displayNames(Set.of(entry.recordedBy)).get(entry.recordedBy));
    }

    /**
     * Those of these customers the purpose may not be pursued for (withdrawn, objected, or a consent-based
     * purpose never given); for features that show a per-customer state, such as lead scores.
     */
    @Transactional
    public Set<UUID> refusing(String purposeCode, Collection<UUID> contactIds) {
        return contactIds.isEmpty() ? Set.of() : entries.refusing(purposeCode, contactIds);
    }

    /** Whether the customer objected to profiling (PIPL Art. 24): left out of lead and churn-risk scoring. */
    @Transactional
    public boolean objectsToProfiling(UUID contactId) {
        return !refusing(ConsentPurposes.PROFILING, List.of(contactId)).isEmpty();
    }

    private ConsentPurpose requirePurpose(UUID id) {
        return purposes.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Consent purpose " + id));
    }

    private static void apply(ConsentPurposeRequest request, ConsentPurpose purpose) {
        purpose.nameZh = request.nameZh().strip();
        purpose.nameEn = request.nameEn().strip();
        purpose.description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        purpose.legalBasis = request.legalBasis();
        purpose.profileFlagGrants = Boolean.TRUE.equals(request.profileFlagGrants());
        purpose.active = request.active() == null || request.active();
    }

    static ConsentPurposeResponse toResponse(ConsentPurpose p) {
        return new ConsentPurposeResponse(p.id, p.code, p.nameZh, p.nameEn, p.description, p.legalBasis, p.profileFlagGrants,
                p.active, p.version, p.createdAt, p.updatedAt);
    }

    static ConsentEntryResponse toResponse(ConsentEntry e, String purposeCode, String recordedByName) {
        return new ConsentEntryResponse(e.id, e.contactId, purposeCode, e.decision, e.channel, e.evidence, e.redactedAt != null,
                e.recordedBy, recordedByName, e.recordedAt);
    }
}
