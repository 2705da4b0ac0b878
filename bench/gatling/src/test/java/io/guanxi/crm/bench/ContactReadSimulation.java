package io.guanxi.crm.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Issue 21 target 7: {@code GET /api/v1/contacts/{id}} as a rep, over the ids of that rep's contacts, at a fixed
 * arrival rate (open model: a new virtual user, one request, every 1/rate s whatever the service answers, so a slow
 * response never delays the next request — no coordinated omission).
 *
 * <p>System properties: baseUrl, rate (req/s, 2000), duration (s, 60), warmup (s, 10, same rate, reported apart),
 * username / password (rep.zhang / demo1234), idsFile (optional: the contact ids, one a line; otherwise the first
 * maxContacts (1000) the rep sees through the API).
 */
public class ContactReadSimulation extends Simulation {

    static final String REQUEST = "GET /api/v1/contacts/{id}";

    private final double rate = BenchSettings.number("rate", 2000);
    private final Duration duration = BenchSettings.seconds("duration", 60);
    private final Duration warmup = BenchSettings.seconds("warmup", 10);

    {
        String baseUrl = BenchSettings.baseUrl();
        GuanxiApi api = new GuanxiApi(baseUrl);
        // One sign-in for the whole pool of virtual users.
        String token = api.signIn(BenchSettings.string("username", "rep.zhang"), BenchSettings.string("password", "demo1234"));
        String idsFile = System.getProperty("idsFile");
        List<String> ids = idsFile != null && !idsFile.isBlank() ? GuanxiApi.idsFromFile(idsFile)
                : api.contacts(token, (int) BenchSettings.number("maxContacts", 1000)).stream().map(c -> c.get("contactId")).toList();
        System.out.printf("ContactReadSimulation: %s, %d contact ids, %.0f req/s for %s after a %s warm-up%n", baseUrl, ids.size(),
                rate, duration, warmup);

        HttpProtocolBuilder protocol = http.baseUrl(baseUrl).acceptHeader("application/json")
                .authorizationHeader("Bearer " + token)
                // One pool of keep-alive connections for all virtual users (as a busy client or a proxy would hold),
                // not a new TCP connection per user; the pool grows when every connection is busy, so a request is
                // never queued behind another one.
                .shareConnections();

        PopulationBuilder warm = read(BenchSettings.WARM_UP, ids).injectOpen(constantUsersPerSec(rate).during(warmup));
        PopulationBuilder measured = read("", ids).injectOpen(constantUsersPerSec(rate).during(duration));
        setUp(warmup.isZero() ? measured : warm.andThen(measured)).protocols(protocol);
    }

    private static ScenarioBuilder read(String prefix, List<String> ids) {
        var feeder = ids.stream().map(id -> Map.<String, Object>of("contactId", id)).toList();
        return scenario(prefix + "contact read").feed(listFeeder(feeder).circular())
                .exec(http(prefix + REQUEST).get("/api/v1/contacts/#{contactId}").check(status().is(200)));
    }
}
