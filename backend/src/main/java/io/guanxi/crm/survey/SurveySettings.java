package io.guanxi.crm.survey;

import io.guanxi.crm.platform.config.GuanxiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The survey feature's view of its settings ({@code guanxi.surveys.*}, {@code guanxi.public-base-url}). */
@ApplicationScoped
public class SurveySettings {

    @Inject
    GuanxiConfig config;

    /** The personal link of a token: {@code <public base url>/s/<token>}. */
    public String link(String token) {
        String base = config.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/s/" + token;
    }

    String companyName() {
        return config.surveys().companyName();
    }

    int periodicBatch() {
        return config.surveys().periodicBatch();
    }

    GuanxiConfig.Surveys.Rate rate() {
        return config.surveys().rate();
    }
}
