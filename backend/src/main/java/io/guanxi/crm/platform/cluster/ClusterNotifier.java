package io.guanxi.crm.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Tells every replica that ids of a topic changed, by PostgreSQL {@code pg_notify} on the transaction's
 * own connection: PostgreSQL delivers it when, and only if, the transaction commits, to every session
 * listening ({@link InvalidationListener}, this replica's included).
 */
@ApplicationScoped
public class ClusterNotifier {

    /** The one channel; the payload is {@code topic:id,id,…}. */
    public static final String CHANNEL = "guanxi_cache";

    /** PostgreSQL refuses payloads of 8000 bytes and more; ids are 36 ASCII characters each. */
    static final int MAX_PAYLOAD = 7000;

    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    @Inject
    EntityManager em;

    /** Sent with the caller's transaction; without one it is refused (a notification must never precede its change). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, Collection<UUID> ids) {
        for (String payload : payloads(topic, ids)) {
            // count(): pg_notify returns void, which no result mapping reads.
            em.createNativeQuery("SELECT count(pg_notify(:channel, :payload)) AS sent")
                    .setParameter("channel", CHANNEL).setParameter("payload", payload).getSingleResult();
        }
    }

    static List<String> payloads(String topic, Collection<UUID> ids) {
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("topic must be lower-case letters, digits or _: " + topic);
        }
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (UUID id : ids) {
            if (payload.length() > 0 && payload.length() + 37 > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            payload.append(payload.length() == 0 ? topic + ":" : ",").append(id);
        }
        if (payload.length() > 0) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /** The topic and ids of a payload; empty ids when it is not one of ours (anyone may notify the channel). */
    static CacheInvalidation parse(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon < 1) {
            return new CacheInvalidation("", List.of());
        }
        List<UUID> ids = new ArrayList<>();
        for (String id : payload.substring(colon + 1).split(",")) {
            try {
                ids.add(UUID.fromString(id.trim()));
            } catch (IllegalArgumentException e) {
                // not an id: skipped, the others still count
            }
        }
        return new CacheInvalidation(payload.substring(0, colon), List.copyOf(ids));
    }
}
