package io.guanxi.crm.survey;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.quartz.Nonconcurrent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Limits the public survey endpoints, the service's first unauthenticated write: at most {@code per-address}
 * requests per client address and {@code per-token} per invitation token within a fixed window; beyond that 429
 * with Retry-After. The counters live in PostgreSQL (V61), like the login throttle's, so every replica counts
 * against the same limit (before, each process kept its own and N replicas let N times through). Each count commits
 * on its own, before the request's work: a refused or failing request still counts. The address is counted first,
 * so a flood of made-up tokens from one address is stopped before it fills the table with token keys.
 */
@ApplicationScoped
public class SurveyRateLimiter {

    /** Keys longer than this (a made-up token of any length) are counted under their SHA-256. */
    private static final int MAX_KEY_PART = 100;

    @Inject
    SurveySettings settings;

    @Inject
    SurveyRateRepository counters;

    /** Counts this request against its address and token; 429 when either is over its limit. */
    void admit(String address, String token) {
        GuanxiConfig.Surveys.Rate rate = settings.rate();
        Long waitMs = QuarkusTransaction.requiringNew().call(() -> {
            SurveyRateRepository.Count byAddress = counters.count("addr:" + bounded(address), rate.window());
            if (byAddress.requests() > rate.perAddress()) {
                return byAddress.windowLeftMs();
            }
            SurveyRateRepository.Count byToken = counters.count("token:" + bounded(token), rate.window());
            return byToken.requests() > rate.perToken() ? byToken.windowLeftMs() : null;
        });
        if (waitMs != null) {
            long seconds = Math.max(1, (waitMs + 999) / 1000);
            throw new ProblemException(429, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests",
                    "Too many requests for this survey; try again later", List.of(), Map.of("retryAfterSeconds", seconds));
        }
    }

    /** Forgets the windows that are over (any replica; once an hour). */
    @Scheduled(identity = "survey-rate-purge", every = "1h", delayed = "7m", concurrentExecution = ConcurrentExecution.SKIP)
    @Nonconcurrent
    @Transactional
    void purge() {
        counters.purge(settings.rate().window());
    }

    private static String bounded(String part) {
        String value = part == null ? "" : part;
        if (value.length() <= MAX_KEY_PART) {
            return value;
        }
        try {
            return "#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
