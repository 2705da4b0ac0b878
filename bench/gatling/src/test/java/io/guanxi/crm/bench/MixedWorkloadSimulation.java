package io.guanxi.crm.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Issue 21 target 7, second half: what a sales team does at its busiest, each action at its own fixed arrival rate
 * (open model). The rates come from an estimate, all of it a system property (docs/benchmarks.md explains it):
 *
 * <pre>
 *   action           per rep per working day   API request
 *   search           120 (two per call made)   GET  /api/v1/search?q=…&limit=5
 *   360° view         60 (one per call made)   GET  /api/v1/contacts/{id}/overview
 *   log interaction   60 (a busy telesales day) POST /api/v1/contacts/{id}/interactions   (Idempotency-Key)
 *   record purchase   10                        POST /api/v1/purchases                     (Idempotency-Key)
 *   redeem points      3                        POST /api/v1/redemptions                   (Idempotency-Key)
 *   rate of an action = reps (500) × per day ÷ (hours (8) × 3600) × peakFactor (4)
 * </pre>
 *
 * giving 8.3 + 4.2 + 4.2 + 0.7 + 0.2 = 17.6 req/s for 500 reps. {@code scale} multiplies every rate (to find where p99
 * bends). The reps are the demo reps (repUsers), each signed in once; a manager (managerUser) creates a one-point
 * reward with unlimited stock and credits the customers that redeem, so a redemption fails only if the service does.
 * Every write carries a fresh Idempotency-Key, as a client that may retry would send.
 */
public class MixedWorkloadSimulation extends Simulation {

    private final Duration duration = BenchSettings.seconds("duration", 60);
    private final Duration warmup = BenchSettings.seconds("warmup", 10);

    {
        String baseUrl = BenchSettings.baseUrl();
        GuanxiApi api = new GuanxiApi(baseUrl);
        String password = BenchSettings.string("password", "demo1234");
        String managerToken = api.signIn(BenchSettings.string("managerUser", "manager.wang"), password);
        String reward = api.createBenchReward(managerToken);
        int contactsPerRep = (int) BenchSettings.number("contactsPerRep", 200);
        int redeemersPerRep = (int) BenchSettings.number("redeemersPerRep", 20);

        List<Map<String, Object>> targets = new ArrayList<>();
        List<Map<String, Object>> redeemers = new ArrayList<>();
        for (String rep : BenchSettings.string("repUsers", "rep.zhang,rep.li,rep.chen").split(",")) {
            String token = api.signIn(rep.strip(), password);
            List<Map<String, String>> contacts = api.contacts(token, contactsPerRep);
            for (int i = 0; i < contacts.size(); i++) {
                Map<String, Object> row = new HashMap<>(contacts.get(i));
                row.put("token", token);
                // What a rep types: the whole name or its first two characters (Chinese names are 2–3 characters).
                String name = contacts.get(i).get("name");
                row.put("q", GuanxiApi.encode(i % 2 == 0 || name.length() < 3 ? name : name.substring(0, 2)));
                targets.add(row);
                if (i < redeemersPerRep) {
                    api.creditPoints(managerToken, contacts.get(i).get("contactId"), 1_000_000);
                    redeemers.add(row);
                }
            }
        }

        double reps = BenchSettings.number("reps", 500);
        double peak = BenchSettings.number("peakFactor", 4);
        double hours = BenchSettings.number("hours", 8);
        double scale = BenchSettings.number("scale", 1);
        Function<Double, Double> perSecond = perDay -> scale * reps * perDay / (hours * 3600) * peak;
        double search = perSecond.apply(BenchSettings.number("searchesPerDay", 120));
        double view = perSecond.apply(BenchSettings.number("viewsPerDay", 60));
        double interaction = perSecond.apply(BenchSettings.number("interactionsPerDay", 60));
        double purchase = perSecond.apply(BenchSettings.number("purchasesPerDay", 10));
        double redeem = perSecond.apply(BenchSettings.number("redemptionsPerDay", 3));
        System.out.printf("MixedWorkloadSimulation: %s, %d contacts of the signed-in reps, rates/s: search %.2f, view %.2f,"
                + " interaction %.2f, purchase %.2f, redeem %.2f = %.2f, for %s after a %s warm-up%n", baseUrl, targets.size(),
                search, view, interaction, purchase, redeem,
                search + view + interaction + purchase + redeem, duration, warmup);

        HttpProtocolBuilder protocol = http.baseUrl(baseUrl).acceptHeader("application/json").contentTypeHeader("application/json")
                .shareConnections();
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(action("search", search, targets, prefix -> http(prefix + "GET /api/v1/search")
                .get("/api/v1/search?q=#{q}&limit=5").header("Authorization", "Bearer #{token}").check(status().is(200))));
        populations.add(action("360 view", view, targets, prefix -> http(prefix + "GET /api/v1/contacts/{id}/overview")
                .get("/api/v1/contacts/#{contactId}/overview").header("Authorization", "Bearer #{token}").check(status().is(200))));
        populations.add(action("log interaction", interaction, targets, prefix -> http(prefix + "POST /api/v1/contacts/{id}/interactions")
                .post("/api/v1/contacts/#{contactId}/interactions").header("Authorization", "Bearer #{token}")
                .header("Idempotency-Key", "#{key}")
                .body(StringBody("{\"channel\":\"PHONE\",\"direction\":\"OUTBOUND\",\"summary\":\"电话回访：压测 #{key}\"}"))
                .check(status().is(201))));
        populations.add(action("record purchase", purchase, targets, prefix -> http(prefix + "POST /api/v1/purchases")
                .post("/api/v1/purchases").header("Authorization", "Bearer #{token}").header("Idempotency-Key", "#{key}")
                .body(StringBody("{\"contactId\":\"#{contactId}\",\"amount\":298.00,\"channel\":\"STORE\","
                        + "\"externalOrderId\":\"GATLING-#{key}\",\"occurredAt\":\"#{now}\","
                        + "\"items\":[{\"sku\":\"BENCH-1\",\"category\":\"压测\",\"quantity\":1,\"price\":298.00}]}"))
                .check(status().is(201))));
        populations.add(action("redeem points", redeem, redeemers, prefix -> http(prefix + "POST /api/v1/redemptions")
                .post("/api/v1/redemptions").header("Authorization", "Bearer #{token}").header("Idempotency-Key", "#{key}")
                .body(StringBody("{\"contactId\":\"#{contactId}\",\"rewardId\":\"" + reward + "\",\"quantity\":1}"))
                .check(status().is(201))));
        setUp(populations).protocols(protocol);
    }

    /** One action at its own fixed arrival rate: a warm-up stretch (requests named "warm-up …"), then the measured one. */
    private PopulationBuilder action(String name, double rate, List<Map<String, Object>> rows,
            Function<String, HttpRequestActionBuilder> request) {
        PopulationBuilder measured = scenario(name).feed(listFeeder(rows).random()).exec(this::freshKey).exec(request.apply(""))
                .injectOpen(constantUsersPerSec(rate).during(duration));
        if (warmup.isZero()) {
            return measured;
        }
        return scenario(BenchSettings.WARM_UP + name).feed(listFeeder(rows).random()).exec(this::freshKey)
                .exec(request.apply(BenchSettings.WARM_UP)).injectOpen(constantUsersPerSec(rate).during(warmup)).andThen(measured);
    }

    private Session freshKey(Session session) {
        return session.set("key", UUID.randomUUID().toString()).set("now", Instant.now().toString());
    }
}
