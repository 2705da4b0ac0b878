package io.guanxi.crm.survey.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyPeriodicScanResult", description = "What a periodic relationship-survey scan did")
public record PeriodicScanResult(@Schema(required = true, description = "Invitations made") int invited) {
}
