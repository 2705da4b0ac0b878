package io.guanxi.crm.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The tests' PostgreSQL: a fresh embedded server (zonky binaries) per test run, so the suite needs no
 * installed database and no Docker. Set GUANXI_TEST_JDBC_URL (plus _USERNAME/_PASSWORD) to run the
 * suite against a server instead; it must be an empty database.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("GUANXI_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", System.getenv().getOrDefault("GUANXI_TEST_JDBC_USERNAME", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("GUANXI_TEST_JDBC_PASSWORD", ""));
        }
        try {
            server = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
