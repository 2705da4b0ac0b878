package io.guanxi.crm.user;

import java.util.UUID;

/**
 * Fired inside the transaction that changed a user's roles, password or active flag: the user's
 * tokens and sessions from before the change must stop working.
 */
public record UserAccessChanged(UUID userId) {
}
