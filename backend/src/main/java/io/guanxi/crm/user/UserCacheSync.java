package io.guanxi.crm.user;

import io.guanxi.crm.platform.cluster.CacheInvalidation;
import io.guanxi.crm.platform.cluster.CachesReset;
import io.guanxi.crm.platform.cluster.ClusterNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Keeps every replica's {@link UserStatusCache} current: an access change (deactivation, role change,
 * password reset: a new token generation) is notified inside its transaction, so replicas hear of it
 * on commit only, and each drops the user's entry when it hears.
 */
@ApplicationScoped
class UserCacheSync {

    static final String TOPIC = "user";

    @Inject
    ClusterNotifier notifier;

    @Inject
    UserStatusCache cache;

    void onAccessChanged(@Observes UserAccessChanged change) {
        notifier.publish(TOPIC, List.of(change.userId()));
    }

    void onNotified(@Observes CacheInvalidation invalidation) {
        if (TOPIC.equals(invalidation.topic())) {
            invalidation.ids().forEach(cache::invalidate);
        }
    }

    void onReset(@Observes CachesReset reset) {
        cache.clear();
    }
}
