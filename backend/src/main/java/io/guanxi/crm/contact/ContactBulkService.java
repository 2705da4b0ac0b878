package io.guanxi.crm.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.contact.api.ContactBulkCampaign;
import io.guanxi.crm.contact.api.ContactBulkFilter;
import io.guanxi.crm.contact.api.ContactBulkItem;
import io.guanxi.crm.contact.api.ContactBulkJob;
import io.guanxi.crm.contact.api.ContactBulkRequest;
import io.guanxi.crm.contact.api.ContactBulkResult;
import io.guanxi.crm.contact.api.ContactBulkRow;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.idempotency.Idempotency;
import io.guanxi.crm.platform.jobs.JobResponse;
import io.guanxi.crm.platform.jobs.Jobs;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Bulk actions on the contact list (issue 20 §4). Each selected contact is changed exactly as a single
 * edit changes it — the same services, audit entries, stage history, handover event (so open leads and
 * activities follow a reassigned customer) and notifications — under a row lock, after checking the
 * version the user saw. A selection of up to {@link #SYNC_LIMIT} contacts is answered at once, all or
 * nothing; a larger one runs as a job of its own kind (several may run at once) in batches of
 * {@link #BATCH} contacts, each all or nothing, with progress and the same per-row report.
 */
@ApplicationScoped
public class ContactBulkService {

    private static final Logger LOG = Logger.getLogger(ContactBulkService.class);

    /** A selection up to this size is answered synchronously; it is also the size of a job's batch. */
    public static final int SYNC_LIMIT = 200;
    static final int BATCH = SYNC_LIMIT;
    /** "All N matching" beyond this many is refused: narrow the filter. */
    public static final int MAX_SELECTION = 50_000;
    /** A care campaign's segment names at most this many customers. */
    static final int MAX_CAMPAIGN_TARGETS = 10_000;
    static final String JOB_KIND_PREFIX = "CONTACT_BULK_";

    @Inject
    ContactRepository contacts;

    @Inject
    ContactService service;

    @Inject
    ContactBulkJobRepository bulkJobs;

    @Inject
    CareCampaignDrafts campaignDrafts;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;


    @Inject
    Idempotency idempotency;

    @Inject
    Jobs jobs;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** A validated request: the action, its parameters and the selected contacts (distinct, in order). */
    record Plan(ContactBulkAction action, List<ContactBulkItem> items, UUID ownerId, List<String> tags, LifecycleStage stage,
            ContactBulkCampaign campaign, String note, boolean manager, UUID caller) {
    }

    /** One batch's rows and the customers it put into the campaign draft. */
    private record Batch(List<ContactBulkRow> rows, List<UUID> campaignTargets) {
    }

    /**
     * Runs the action (once per Idempotency-Key): 200 with the report for a small selection, 202 with the job for
     * a large one (its Location from {@code jobLocation}).
     */
    @Transactional
    public Idempotency.Outcome run(ContactBulkRequest request, String key, Function<UUID, URI> jobLocation) {
        return idempotency.once(currentUser.id(), key, "contacts:bulk", request, () -> {
            Plan plan = plan(request);
            if (plan.items().size() <= SYNC_LIMIT) {
                Batch batch = apply(plan, plan.items());
                UUID campaignId = draftCampaign(plan, batch.campaignTargets());
                return Idempotency.Outcome.of(200, result(plan, batch.rows(), campaignId), null);
            }
            ContactBulkJob job = start(plan);
            return Idempotency.Outcome.of(202, job, jobLocation.apply(job.id()));
        });
    }

    /** A bulk job the caller started (404 for anyone else's, or for any other job). */
    @Transactional
    public ContactBulkJob job(UUID id) {
        if (!bulkJobs.isTheirs(id, currentUser.id())) {
            throw ProblemException.notFound("Bulk job " + id);
        }
        return toBulkJob(jobs.get(id));
    }

    private Plan plan(ContactBulkRequest request) {
        boolean manager = currentUser.isManagerOrAdmin();
        List<String> tags = null;
        switch (request.action()) {
            case ASSIGN_OWNER -> {
                if (request.ownerId() == null) {
                    throw ProblemException.invalidField("ownerId", "is required to assign an owner");
                }
                if (!manager) {
                    throw ProblemException.forbidden("Only managers and admins reassign contacts");
                }
                users.requireAssignableOwner(request.ownerId());
            }
            case ADD_TAGS, REMOVE_TAGS -> {
                tags = request.tags() == null ? List.of() : ContactService.tagsOf(request.tags());
                if (tags.isEmpty()) {
                    throw ProblemException.invalidField("tags", "give at least one tag");
                }
            }
            case SET_LIFECYCLE_STAGE -> {
                if (request.lifecycleStage() == null) {
                    throw ProblemException.invalidField("lifecycleStage", "is required to change the stage");
                }
            }
            case START_CARE_CAMPAIGN -> {
                if (request.campaign() == null) {
                    throw ProblemException.invalidField("campaign", "is required to start a care campaign");
                }
                if (request.campaign().endsOn().isBefore(request.campaign().startsOn())) {
                    throw ProblemException.invalidField("campaign.endsOn", "must not be before startsOn");
                }
            }
            case ARCHIVE -> {
                // nothing to give
            }
        }
        List<ContactBulkItem> items = select(request);
        if (request.action() == ContactBulkAction.START_CARE_CAMPAIGN && items.size() > MAX_CAMPAIGN_TARGETS) {
            throw ProblemException.invalidField("selection", "a care campaign reaches at most " + MAX_CAMPAIGN_TARGETS + " customers");
        }
        return new Plan(request.action(), items, request.ownerId(), tags, request.lifecycleStage(), request.campaign(),
                request.note() == null || request.note().isBlank() ? null : request.note().trim(), manager, currentUser.id());
    }

    /** The selected contacts: the ids given (first mention wins), or every visible contact the list's filters match. */
    private List<ContactBulkItem> select(ContactBulkRequest request) {
        var selection = request.selection();
        if ((selection.ids() == null) == (selection.filter() == null)) {
            throw ProblemException.invalidField("selection", "give either ids or filter");
        }
        if (selection.ids() != null) {
            Map<UUID, ContactBulkItem> distinct = new LinkedHashMap<>();
            selection.ids().forEach(item -> distinct.putIfAbsent(item.id(), item));
            return List.copyOf(distinct.values());
        }
        ContactBulkFilter f = selection.filter();
        ContactQuery query = new ContactQuery(f.q(), f.ownerId(), f.tags(), f.lifecycleStage(), f.region(), f.industry(),
                Boolean.TRUE.equals(f.archived()), f.abcTier(), f.membershipLevel());
        ContactService.validate(query);
        List<UUID> ids = contacts.matchingIds(query, MAX_SELECTION + 1);
        if (ids.size() > MAX_SELECTION) {
            throw ProblemException.invalidField("selection", "matches more than " + MAX_SELECTION + " contacts; narrow the filter");
        }
        return ids.stream().map(id -> new ContactBulkItem(id, null)).toList();
    }

    /** Applies the action to these contacts in the current transaction, one row result each, in selection order. */
    private Batch apply(Plan plan, List<ContactBulkItem> items) {
        Map<UUID, Contact> locked = new LinkedHashMap<>();
        contacts.lockVisible(items.stream().map(ContactBulkItem::id).toList()).forEach(c -> locked.put(c.id, c));
        List<ContactBulkRow> rows = new ArrayList<>(items.size());
        List<UUID> targets = new ArrayList<>();
        for (ContactBulkItem item : items) {
            Contact contact = locked.get(item.id());
            if (contact == null) {
                rows.add(new ContactBulkRow(item.id(), ContactBulkOutcome.NOT_VISIBLE, null, null));
            } else if (item.version() != null && item.version() != contact.version) {
                rows.add(new ContactBulkRow(item.id(), ContactBulkOutcome.CONFLICT, contact.version, null));
            } else if (contact.anonymisedAt != null) {
                rows.add(new ContactBulkRow(item.id(), ContactBulkOutcome.REFUSED, contact.version, "ANONYMISED"));
            } else if (contact.mergedIntoId != null) {
                // As a single edit answers 410: a merged contact lives on in its survivor.
                rows.add(new ContactBulkRow(item.id(), ContactBulkOutcome.REFUSED, contact.version, "MERGED"));
            } else if (!plan.manager() && !contact.ownerId.equals(plan.caller())) {
                rows.add(new ContactBulkRow(item.id(), ContactBulkOutcome.REFUSED, contact.version, "NOT_EDITABLE"));
            } else {
                rows.add(applyOne(plan, contact, targets));
            }
        }
        return new Batch(rows, targets);
    }

    private ContactBulkRow applyOne(Plan plan, Contact contact, List<UUID> targets) {
        String refusal = null;
        boolean changed = switch (plan.action()) {
            case ASSIGN_OWNER -> {
                if (contact.ownerId.equals(plan.ownerId())) {
                    yield false;
                }
                // The single reassignment itself: audit entry, ContactHandedOver (open leads and activities follow).
                service.handOver(contact.id, plan.ownerId(), plan.note());
                yield true;
            }
            case ADD_TAGS -> {
                List<String> merged = ContactService.tagsOf(Stream.concat(contact.tags.stream(), plan.tags().stream()).toList());
                if (merged.size() > 20) {
                    refusal = "TOO_MANY_TAGS";
                    yield false;
                }
                yield service.editInBulk(contact, c -> c.tags = new ArrayList<>(merged));
            }
            case REMOVE_TAGS -> service.editInBulk(contact,
                    c -> c.tags = new ArrayList<>(c.tags.stream().filter(t -> !plan.tags().contains(t)).toList()));
            case SET_LIFECYCLE_STAGE -> {
                if (contact.lifecycleStage == plan.stage()) {
                    yield false;
                }
                if (!plan.manager() && !LifecycleRules.repMayMove(contact.lifecycleStage, plan.stage())) {
                    refusal = "STAGE_SKIPPED";
                    yield false;
                }
                yield service.moveStageInBulk(contact, plan.stage());
            }
            case ARCHIVE -> {
                if (contact.archivedAt != null) {
                    yield false;
                }
                service.archive(contact.id);
                yield true;
            }
            case START_CARE_CAMPAIGN -> {
                if (contact.archivedAt != null) {
                    refusal = "ARCHIVED";
                    yield false;
                }
                targets.add(contact.id);
                yield true;
            }
        };
        contacts.flush();
        ContactBulkOutcome outcome = refusal != null ? ContactBulkOutcome.REFUSED
                : changed ? ContactBulkOutcome.CHANGED : ContactBulkOutcome.UNCHANGED;
        return new ContactBulkRow(contact.id, outcome, contact.version, refusal);
    }

    private UUID draftCampaign(Plan plan, List<UUID> targets) {
        if (plan.action() != ContactBulkAction.START_CARE_CAMPAIGN || targets.isEmpty()) {
            return null;
        }
        ContactBulkCampaign c = plan.campaign();
        return campaignDrafts.draftFor(c.name().trim(), c.category(), c.script().trim(), c.startsOn(), c.endsOn(), targets);
    }

    private ContactBulkJob start(Plan plan) {
        String kind = JOB_KIND_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 32 - JOB_KIND_PREFIX.length());
        JobResponse job = jobs.startAsCaller(kind, plan.caller(), progress -> runAsJob(plan, progress));
        bulkJobs.record(job.id(), plan.caller(), plan.action(), clock.instant());
        return toBulkJob(job);
    }

    /**
     * The job's work, as the user who started it (their identity, so visibility, the audit trail and the
     * notifications name them): batch after batch, each in its own transaction.
     */
    private ContactBulkResult runAsJob(Plan plan, Jobs.Progress progress) {
        long total = plan.items().size();
        progress.update("processing", 0, total);
        List<ContactBulkRow> rows = new ArrayList<>(plan.items().size());
        List<UUID> targets = new ArrayList<>();
        for (int from = 0; from < plan.items().size(); from += BATCH) {
            List<ContactBulkItem> slice = plan.items().subList(from, Math.min(from + BATCH, plan.items().size()));
            try {
                Batch batch = QuarkusTransaction.requiringNew().call(() -> apply(plan, slice));
                rows.addAll(batch.rows());
                targets.addAll(batch.campaignTargets());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Bulk %s: a batch of %d contacts failed and was rolled back", plan.action(), slice.size());
                slice.forEach(item -> rows.add(new ContactBulkRow(item.id(), ContactBulkOutcome.FAILED, null, "BATCH_FAILED")));
            }
            progress.update("processing", rows.size(), total);
        }
        UUID campaignId = targets.isEmpty() ? null
                : QuarkusTransaction.requiringNew().call(() -> draftCampaign(plan, targets));
        return result(plan, rows, campaignId);
    }

    private static ContactBulkResult result(Plan plan, List<ContactBulkRow> rows, UUID campaignId) {
        Map<ContactBulkOutcome, Long> counts = new EnumMap<>(ContactBulkOutcome.class);
        rows.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        return new ContactBulkResult(plan.action(), rows.size(), counts.getOrDefault(ContactBulkOutcome.CHANGED, 0L),
                counts.getOrDefault(ContactBulkOutcome.UNCHANGED, 0L), counts.getOrDefault(ContactBulkOutcome.CONFLICT, 0L),
                counts.getOrDefault(ContactBulkOutcome.NOT_VISIBLE, 0L), counts.getOrDefault(ContactBulkOutcome.REFUSED, 0L),
                counts.getOrDefault(ContactBulkOutcome.FAILED, 0L), campaignId, List.copyOf(rows));
    }

    private ContactBulkJob toBulkJob(JobResponse job) {
        ContactBulkResult result = job.report() == null ? null : json.convertValue(job.report(), ContactBulkResult.class);
        return new ContactBulkJob(job.id(), job.state(), job.phase(), job.processed(), job.total(), job.createdAt(),
                job.finishedAt(), job.error(), result);
    }
}
