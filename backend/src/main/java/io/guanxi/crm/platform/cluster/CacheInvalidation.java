package io.guanxi.crm.platform.cluster;

import java.util.List;
import java.util.UUID;

/**
 * Fired on the listener thread when a replica (this one included) committed a change to these ids of
 * this topic: each feature's cache of the topic drops them. Observers must be quick and must not block.
 */
public record CacheInvalidation(String topic, List<UUID> ids) {
}
