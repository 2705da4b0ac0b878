package io.guanxi.crm.interaction;

import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.interaction.api.InteractionRequest;
import io.guanxi.crm.interaction.api.InteractionResponse;
import io.guanxi.crm.interaction.api.InteractionStats;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<InteractionLogged> logged;

    @Transactional
    public InteractionResponse log(UUID contactId, InteractionRequest request) {
        contacts.requireVisibleContact(contactId);
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
        em.persist(interaction);
        contacts.recordContactMade(contactId, occurredAt);
        logged.fire(new InteractionLogged(contactId, interaction.id, interaction.channel, occurredAt, interaction.authorId,
                interaction.summary, request.nextFollowUp()));
        return mapper.toResponse(interaction, users.displayNames(List.of(interaction.authorId)).get(interaction.authorId));
    }

    @Transactional
    public PageResponse<InteractionResponse> list(UUID contactId, Integer page, Integer size, String sort) {
        contacts.requireVisibleContact(contactId);
        PageRequest paging = PageRequest.of(page, size, sort, SORTABLE, "occurredAt,desc");
        long total = em.createQuery("select count(i) from Interaction i where i.contactId = :c", Long.class)
                .setParameter("c", contactId).getSingleResult();
        List<Interaction> items = em.createQuery("from Interaction i where i.contactId = :c order by "
                        + paging.orderBySql() + ", i.id desc", Interaction.class)
                .setParameter("c", contactId)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        Map<UUID, String> authors = users.displayNames(items.stream().map(i -> i.authorId).collect(Collectors.toSet()));
        return new PageResponse<>(items.stream().map(i -> mapper.toResponse(i, authors.get(i.authorId))).toList(),
                paging.page(), paging.size(), total);
    }

    @Transactional
    public InteractionResponse get(UUID contactId, UUID id) {
        contacts.requireVisibleContact(contactId);
        Interaction interaction = em.find(Interaction.class, id);
        if (interaction == null || !interaction.contactId.equals(contactId)) {
            throw ProblemException.notFound("Interaction " + id);
        }
        return mapper.toResponse(interaction, users.displayNames(List.of(interaction.authorId)).get(interaction.authorId));
    }

    /** Counts for the 360 view, in one query; the caller has checked visibility. */
    @Transactional
    public InteractionStats stats(UUID contactId) {
        Instant now = clock.instant();
        List<Tuple> rows = Rows.list(em.createNativeQuery("""
                SELECT channel AS channel, count(*) AS total,
                       count(*) FILTER (WHERE occurred_at >= :since7) AS last7,
                       count(*) FILTER (WHERE occurred_at >= :since30) AS last30,
                       max(occurred_at) AS last_at
                FROM interaction WHERE contact_id = :c GROUP BY channel""", Tuple.class)
                .setParameter("c", contactId)
                .setParameter("since7", now.minus(Duration.ofDays(7)))
                .setParameter("since30", now.minus(Duration.ofDays(30))));
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
