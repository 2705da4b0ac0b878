package io.guanxi.crm.interaction;

import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.interaction.api.InteractionRequest;
import io.guanxi.crm.interaction.api.InteractionResponse;
import io.guanxi.crm.interaction.api.InteractionStats;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.idempotency.Idempotency;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The interaction log of a contact. Access follows the contact's visibility. */
@ApplicationScoped
public class InteractionService {

    private static final Map<String, String> SORTABLE = Map.of("occurredAt", "i.occurredAt");
    /** Clocks drift; an interaction logged "now" on a phone may be a little ahead of the server. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    ContactService contacts;

    @Inject
    UserService users;

    @Inject
    InteractionMapper mapper;

    @Inject
    CurrentUser currentUser;

    @Inject
    InteractionRepository interactions;

    @Inject
    Clock clock;

    @Inject
    Event<InteractionLogged> logged;

    @Inject
    Idempotency idempotency;

    /**
     * A log from the API: with an Idempotency-Key it happens once per key, so a phone that sends its
     * offline outbox again (the answer was lost) does not log the call twice.
     */
    @Transactional
    public Idempotency.Outcome logOnce(UUID contactId, InteractionRequest request, String idempotencyKey,
            Function<UUID, URI> location) {
        return idempotency.once(currentUser.id(), idempotencyKey, "interaction:" + contactId, request, () -> {
            InteractionResponse created = log(contactId, request);
            return Idempotency.Outcome.of(201, created, location.apply(created.id()));
        });
    }

    @Transactional
    public InteractionResponse log(UUID contactId, InteractionRequest request) {
        contacts.requireContactForWriting(contactId);
        Instant now = clock.instant();
        Instant occurredAt = request.occurredAt() == null ? now : request.occurredAt();
        if (occurredAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw ProblemException.invalidField("occurredAt", "must not be in the future");
        }
        Interaction interaction = new Interaction();
        interaction.id = Ids.newId();
        interaction.contactId = contactId;
        interaction.channel = request.channel();
        interaction.direction = request.direction();
        interaction.occurredAt = occurredAt;
        interaction.summary = request.summary().trim();
        interaction.authorId = currentUser.id();
        interaction.createdAt = now;
        interactions.persist(interaction);
        contacts.recordContactMade(contactId, occurredAt);
        logged.fire(new InteractionLogged(contactId, interaction.id, interaction.channel, occurredAt, interaction.authorId,
                interaction.summary, request.nextFollowUp()));
        return mapper.toResponse(interaction, users.displayNames(List.of(interaction.authorId)).get(interaction.authorId));
    }

    @Transactional
    public PageResponse<InteractionResponse> list(UUID contactId, Integer page, Integer size, String sort) {
        contacts.requireVisibleContact(contactId);
        PageRequest paging = PageRequest.of(page, size, sort, SORTABLE, "occurredAt,desc");
        InteractionRepository.Page found = interactions.ofContact(contactId, paging);
        List<Interaction> items = found.items();
        Map<UUID, String> authors = users.displayNames(items.stream().map(i -> i.authorId).collect(Collectors.toSet()));
        return new PageResponse<>(items.stream().map(i -> mapper.toResponse(i, authors.get(i.authorId))).toList(),
                paging.page(), paging.size(), found.total());
    }

    @Transactional
    public InteractionResponse get(UUID contactId, UUID id) {
        contacts.requireVisibleContact(contactId);
        Interaction interaction = interactions.ofContact(contactId, id)
                .orElseThrow(() -> ProblemException.notFound("Interaction " + id));
        return mapper.toResponse(interaction, users.displayNames(List.of(interaction.authorId)).get(interaction.authorId));
    }

    /** Counts for the 360 view, in one query; the caller has checked visibility. */
    @Transactional
    public InteractionStats stats(UUID contactId) {
        Instant now = clock.instant();
        List<Tuple> rows = interactions.statsByChannel(contactId, now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(30)));
        Map<InteractionChannel, Long> byChannel = new EnumMap<>(InteractionChannel.class);
        long total = 0, last7 = 0, last30 = 0;
        Instant last = null;
        for (Tuple row : rows) {
            long count = Rows.longValue(row, "total");
            byChannel.put(Rows.enumValue(row, "channel", InteractionChannel.class), count);
            total += count;
            last7 += Rows.longValue(row, "last7");
            last30 += Rows.longValue(row, "last30");
            Instant max = Rows.instant(row, "last_at");
            if (max != null && (last == null || max.isAfter(last))) {
                last = max;
            }
        }
        return new InteractionStats(total, last7, last30, byChannel, last);
    }

}
