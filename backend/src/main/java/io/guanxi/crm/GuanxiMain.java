package io.guanxi.crm;

import io.guanxi.crm.demo.DemoContactRepository;
import io.guanxi.crm.platform.db.EmbeddedDatabase;
import io.guanxi.crm.user.UserService;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Starts the service. In the demo and dev profiles it first starts an embedded PostgreSQL, unless
 * QUARKUS_DATASOURCE_JDBC_URL names a server. {@code generate-contacts N} adds N generated contacts
 * (for benchmarks) and exits.
 */
@QuarkusMain
public class GuanxiMain {

    public static void main(String... args) {
        EmbeddedDatabase.startIfWanted();
        Quarkus.run(Service.class, args);
    }

    public static class Service implements QuarkusApplication {

        @Inject
        DemoContactRepository generator;

        @Inject
        UserService users;

        @Override
        public int run(String... args) {
            if (args.length > 0 && args[0].equals("generate-contacts")) {
                int count = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000_000;
                List<UUID> reps = users.activeSalesReps(null);
                if (reps.isEmpty()) {
                    System.err.println("No active sales rep to own the contacts; start once with demo data first");
                    return 1;
                }
                generator.generate(count, reps, 0, Math.random());
                return 0;
            }
            Quarkus.waitForExit();
            return 0;
        }
    }
}
