package io.guanxi.crm.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.AuditTrail;
import io.guanxi.crm.platform.audit.FieldChange;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.privacy.api.PrivacyRequestCreate;
import io.guanxi.crm.privacy.api.PrivacyRequestResponse;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Rights requests (PIPL Art. 44–47, 50): registered by whoever received them, verified and answered by an admin. Fulfilling an
 * ACCESS request stores the copy handed over; fulfilling a DELETION request anonymises the customer in every feature in the same
 * transaction; the other kinds are done elsewhere (the profile edited, consent withdrawn, a score explained) and noted here.
 */
@ApplicationScoped
public class PrivacyRequests {

    @Inject
    PrivacyRequestRepository repository;

    @Inject
    PersonalDataSections personalData;

    @Inject
    Visibility visibility;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    @Inject
    GuanxiConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Transactional
    public PageResponse<PrivacyRequestResponse> list(RequestState state, RequestKind kind, UUID contactId, Integer page, Integer size,
            String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, PrivacyRequestRepository.SORTABLE, "receivedAt,desc");
        UUID registeredBy = handlesAll() ? null : currentUser.id();
        long total = repository.count(state, kind, contactId, registeredBy);
        List<PrivacyRequest> items = total == 0 ? List.of() : repository.page(state, kind, contactId, registeredBy, paging);
        return new PageResponse<>(views(items), paging.page(), paging.size(), total);
    }

    @Transactional
    public PrivacyRequestResponse get(UUID id) {
        return view(requireReadable(id));
    }

    @Transactional
    public PrivacyRequestResponse create(PrivacyRequestCreate request) {
        visibility.requireContact(request.contactId());
        Instant now = clock.instant();
        Instant received = request.receivedAt() == null ? now : request.receivedAt();
        if (received.isAfter(now)) {
            throw ProblemException.invalidField("receivedAt", "must not be in the future");
        }
        PrivacyRequest created = new PrivacyRequest();
        created.id = Ids.newId();
        created.contactId = request.contactId();
        created.kind = request.kind();
        created.state = RequestState.RECEIVED;
        created.channel = request.channel();
        created.details = blankToNull(request.details());
        created.receivedAt = received;
        created.dueOn = LocalDate.ofInstant(received, zone()).plusDays(config.privacy().requestDueDays());
        created.registeredBy = currentUser.id();
        created.updatedAt = now;
        repository.persist(created);
        repository.flush();
        audit.record(AuditAction.PRIVACY_REQUEST, "privacy_request", created.id, created.contactId,
                List.of(new FieldChange("state", null, RequestState.RECEIVED.name()), new FieldChange("kind", null, created.kind.name())));
        return view(created);
    }

    @Transactional
    public PrivacyRequestResponse verify(UUID id, String ifMatch, String note) {
        PrivacyRequest request = lockForChange(id, ifMatch);
        request.state = target(request, RequestAction.VERIFY);
        request.verifiedBy = currentUser.id();
        request.verifiedAt = clock.instant();
        request.verification = blankToNull(note);
        return finish(request, RequestState.RECEIVED);
    }

    @Transactional
    public PrivacyRequestResponse refuse(UUID id, String ifMatch, String reason) {
        PrivacyRequest request = lockForChange(id, ifMatch);
        RequestState from = request.state;
        request.state = target(request, RequestAction.REFUSE);
        request.refusalReason = reason.trim();
        request.handledBy = currentUser.id();
        request.handledAt = clock.instant();
        return finish(request, from);
    }

    /**
     * ACCESS: the copy of every section, stored as handed over. DELETION: the customer anonymised in every feature, here and now.
     * CORRECTION, WITHDRAWAL, EXPLANATION: done elsewhere by a person, so the note saying what was done is required.
     */
    @Transactional
    public PrivacyRequestResponse fulfil(UUID id, String ifMatch, String note) {
        PrivacyRequest request = lockForChange(id, ifMatch);
        RequestState to = target(request, RequestAction.FULFIL);
        String text = blankToNull(note);
        boolean doneElsewhere = request.kind != RequestKind.ACCESS && request.kind != RequestKind.DELETION;
        if (doneElsewhere && text == null) {
            throw ProblemException.invalidField("note", "say what was done: a " + request.kind + " request is fulfilled elsewhere");
        }
        // SQL first, the entity's changes last: a flush of a changed request would bump its version once more.
        if (request.kind == RequestKind.ACCESS) {
            repository.saveAccessCopy(request.id, toJson(personalData.export(request.contactId)));
        } else if (request.kind == RequestKind.DELETION) {
            request.rowsAnonymised = personalData.anonymise(request.contactId);
            // The anonymisation erased this request's own words in SQL; the entity must not write them back.
            request.details = null;
            audit.record(AuditAction.ANONYMISE, "contact", request.contactId, request.contactId,
                    List.of(new FieldChange("privacyRequest", null, request.id.toString())));
        }
        request.state = to;
        request.note = text;
        request.handledBy = currentUser.id();
        request.handledAt = clock.instant();
        return finish(request, RequestState.VERIFIED);
    }

    /** An ACCESS request's copy as JSON text (one object of sections); the download is audited. */
    @Transactional
    public String accessCopy(UUID id) {
        PrivacyRequest request = requireReadable(id);
        if (request.kind != RequestKind.ACCESS || request.state != RequestState.FULFILLED) {
            throw new ProblemException(409, ProblemTypes.CONFLICT, "No access copy",
                    "Only a fulfilled ACCESS request has a copy to download");
        }
        String copy = repository.accessCopy(id).orElseThrow(() -> new ProblemException(409, ProblemTypes.CONTACT_ANONYMISED,
                "Customer anonymised", "The copy was erased with the customer's personal data"));
        audit.record(AuditAction.EXPORT, "privacy_request", request.id, request.contactId, List.of());
        return copy;
    }

    private boolean handlesAll() {
        return currentUser.has(Role.ADMIN);
    }

    /** Admins read every request; whoever registered one reads it; anyone else finds none. */
    private PrivacyRequest requireReadable(UUID id) {
        PrivacyRequest request = repository.findById(id);
        if (request == null || (!handlesAll() && !Objects.equals(request.registeredBy, currentUser.id()))) {
            throw ProblemException.notFound("Privacy request " + id);
        }
        return request;
    }

    private PrivacyRequest lockForChange(UUID id, String ifMatch) {
        long expected = IfMatch.requiredVersion(ifMatch);
        PrivacyRequest request = repository.findForTransition(id);
        if (request == null) {
            throw ProblemException.notFound("Privacy request " + id);
        }
        if (request.version != expected) {
            throw IfMatch.stale();
        }
        return request;
    }

    /** The state the action leads to, or 409; the caller assigns it after its SQL. */
    private static RequestState target(PrivacyRequest request, RequestAction action) {
        RequestState to = RequestAction.next(request.state, action);
        if (to == null) {
            throw new ProblemException(409, ProblemTypes.ILLEGAL_TRANSITION, "Illegal transition",
                    "A request in " + request.state + " cannot " + action + "; allowed: " + RequestAction.allowed(request.state), List.of(),
                    Map.of("state", request.state, "allowedActions", RequestAction.allowed(request.state)));
        }
        return to;
    }

    private PrivacyRequestResponse finish(PrivacyRequest request, RequestState from) {
        request.updatedAt = clock.instant();
        repository.flush();
        audit.record(AuditAction.PRIVACY_REQUEST, "privacy_request", request.id, request.contactId,
                List.of(new FieldChange("state", from.name(), request.state.name())));
        return view(request);
    }

    private String toJson(Map<String, List<Map<String, Object>>> sections) {
        try {
            return json.writeValueAsString(sections);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the access copy cannot be written", e);
        }
    }

    private PrivacyRequestResponse view(PrivacyRequest request) {
        return views(List.of(request)).get(0);
    }

    private List<PrivacyRequestResponse> views(List<PrivacyRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<UUID, PrivacyRequestRepository.Person> persons = repository.persons(requests.stream().map(r -> r.contactId).toList());
        Set<UUID> people = new HashSet<>();
        requests.forEach(r -> {
            people.add(r.registeredBy);
            if (r.handledBy != null) {
                people.add(r.handledBy);
            }
        });
        Map<UUID, String> names = users.displayNames(people);
        Set<UUID> withCopy = repository.withAccessCopy(requests.stream().map(r -> r.id).toList());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone());
        List<PrivacyRequestResponse> views = new ArrayList<>();
        for (PrivacyRequest r : requests) {
            PrivacyRequestRepository.Person person = persons.getOrDefault(r.contactId, new PrivacyRequestRepository.Person(null, false));
            boolean open = r.state == RequestState.RECEIVED || r.state == RequestState.VERIFIED;
            views.add(new PrivacyRequestResponse(r.id, r.contactId, person.name(), person.anonymised(), r.kind, r.state, r.channel,
                    r.details, r.receivedAt, r.dueOn, open && today.isAfter(r.dueOn), r.registeredBy, names.get(r.registeredBy),
                    r.verifiedBy, r.verifiedAt, r.verification, r.handledBy, r.handledBy == null ? null : names.get(r.handledBy),
                    r.handledAt, r.note, r.refusalReason, withCopy.contains(r.id), r.rowsAnonymised,
                    handlesAll() ? RequestAction.allowed(r.state).stream().map(Enum::name).toList() : List.of(), r.updatedAt, r.version));
        }
        return views;
    }

    private ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

}
