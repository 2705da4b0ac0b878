package io.guanxi.crm.bench;

import java.time.Duration;

/** The knobs every simulation reads, as system properties (scripts/bench/gatling.sh passes them through Maven). */
final class BenchSettings {

    private BenchSettings() {
    }

    static String baseUrl() {
        return System.getProperty("baseUrl", "http://127.0.0.1:8080");
    }

    static String string(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static double number(String name, double fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }

    static Duration seconds(String name, double fallback) {
        return Duration.ofMillis(Math.round(1000 * number(name, fallback)));
    }

    /** Requests sent in the warm-up are named with this prefix, so the figures can leave them out. */
    static final String WARM_UP = "warm-up ";
}
