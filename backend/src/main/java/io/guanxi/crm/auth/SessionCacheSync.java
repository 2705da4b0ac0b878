package io.guanxi.crm.auth;

import io.guanxi.crm.platform.cluster.CacheInvalidation;
import io.guanxi.crm.platform.cluster.CachesReset;
import io.guanxi.crm.platform.cluster.ClusterNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Keeps every replica's {@link SessionStatusCache} current: revoked sessions are notified inside the
 * revoking transaction (delivered on commit only), and each replica drops them when it hears.
 */
@ApplicationScoped
class SessionCacheSync {

    static final String TOPIC = "session";

    @Inject
    ClusterNotifier notifier;

    @Inject
    SessionStatusCache cache;

    void onRevoked(@Observes SessionsRevoked revoked) {
        notifier.publish(TOPIC, revoked.sessionIds());
    }

    void onNotified(@Observes CacheInvalidation invalidation) {
        if (TOPIC.equals(invalidation.topic())) {
            cache.invalidate(invalidation.ids());
        }
    }

    void onReset(@Observes CachesReset reset) {
        cache.clear();
    }
}
