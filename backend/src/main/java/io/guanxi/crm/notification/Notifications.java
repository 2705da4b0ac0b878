package io.guanxi.crm.notification;

import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.interaction.InteractionLogged;
import io.guanxi.crm.notification.api.NotificationPage;
import io.guanxi.crm.notification.api.NotificationResponse;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-app notifications: the published {@link #send} other features notify people with (in their own
 * transaction, so a rolled-back change notifies nobody), and each person's inbox.
 */
@ApplicationScoped
public class Notifications {

    /** @username, as users are named (letters, digits, dot, dash, underscore). */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.])@([A-Za-z0-9][A-Za-z0-9._-]{1,63})");

    @Inject
    NotificationRepository notifications;

    @Inject
    ContactService contacts;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    /** Stores these; nobody is told about what they did themselves. */
    @Transactional
    public int send(Collection<Notice> notices) {
        List<Notice> toSend = notices.stream().filter(n -> n.recipientId() != null && !n.recipientId().equals(n.actorId()))
                .toList();
        return notifications.insert(toSend, clock.instant());
    }

    @Transactional
    public NotificationPage mine(boolean unreadOnly, Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, null, Map.of("createdAt", "n.createdAt"), "createdAt,desc");
        List<Notification> items = notifications.mine(unreadOnly, paging);
        Set<UUID> contactIds = new HashSet<>();
        Set<UUID> actorIds = new HashSet<>();
        items.forEach(n -> {
            if (n.contactId != null) {
                contactIds.add(n.contactId);
            }
            if (n.actorId != null) {
                actorIds.add(n.actorId);
            }
        });
        Map<UUID, String> contactNames = contacts.names(contactIds);
        Map<UUID, String> actorNames = users.displayNames(actorIds);
        return new NotificationPage(items.stream().map(n -> new NotificationResponse(n.id, n.kind, n.params, n.contactId,
                        n.contactId == null ? null : contactNames.get(n.contactId), n.leadId, n.activityId, n.complaintId, n.actorId,
                        n.actorId == null ? null : actorNames.get(n.actorId),
                        n.createdAt, n.readAt)).toList(),
                paging.page(), paging.size(), notifications.count(unreadOnly), notifications.count(true));
    }

    @Transactional
    public long unreadCount() {
        return notifications.count(true);
    }

    @Transactional
    public void markRead(UUID id) {
        if (!notifications.markRead(id, clock.instant())) {
            throw ProblemException.notFound("Notification " + id);
        }
    }

    @Transactional
    public int markAllRead() {
        return notifications.markAllRead(clock.instant());
    }

    /** The people an interaction's summary mentions (@username) hear about it. */
    void onInteractionLogged(@Observes InteractionLogged event) {
        Set<String> names = mentions(event.summary());
        if (names.isEmpty()) {
            return;
        }
        send(users.activeIdsByUsername(names).values().stream().filter(Objects::nonNull)
                .map(id -> Notice.of(id, NotificationKind.MENTION, event.authorId()).aboutContact(event.contactId()))
                .toList());
    }

    static Set<String> mentions(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher m = MENTION.matcher(text);
        while (m.find() && names.size() < 20) {
            names.add(m.group(1).replaceAll("[._-]+$", ""));
        }
        return names;
    }
}
