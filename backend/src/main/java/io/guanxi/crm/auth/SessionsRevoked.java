package io.guanxi.crm.auth;

import java.util.Collection;
import java.util.UUID;

/** Fired in the transaction that revoked these sessions; caches forget them once it completes. */
record SessionsRevoked(Collection<UUID> sessionIds) {
}
