package io.guanxi.crm.contact;

import java.util.UUID;

/** The person behind a captured form, found team-wide: only id and owner, never personal data. */
public record CapturedPerson(UUID id, UUID ownerId) {
}
