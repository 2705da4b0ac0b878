package io.guanxi.crm.platform.cluster;

/**
 * Fired each time the invalidation listener (re)connects: a notification may have been missed while it
 * was not listening, so every cache that {@link CacheInvalidation} keeps fresh is dropped whole.
 */
public record CachesReset() {
}
