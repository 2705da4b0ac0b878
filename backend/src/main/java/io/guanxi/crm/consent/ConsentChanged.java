package io.guanxi.crm.consent;

import java.util.UUID;

/**
 * Fired in the recording transaction after a grant or withdrawal, so features that act on a purpose (lead
 * and churn-risk scoring on PROFILING) follow at once without the consent feature knowing them.
 */
public record ConsentChanged(UUID contactId, String purposeCode, boolean allows) {
}
