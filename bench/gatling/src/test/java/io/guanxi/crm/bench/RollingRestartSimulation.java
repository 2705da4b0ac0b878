package io.guanxi.crm.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Issue 22, fault e (scripts/cluster/fault-e-rolling-restart.sh with FAULT_E_LOAD=gatling): one authenticated GET at
 * a fixed arrival rate through the load balancer while the replicas restart one by one, until the fault script
 * creates stopFile (checked before each request) or maxDuration passes. Every non-200 answer and every timeout is a
 * failed request; the fault passes with none.
 *
 * <p>System properties: baseUrl, path (/api/v1/contacts?size=10), username / password (manager.wang / demo1234),
 * rate (req/s, 5), maxDuration (s, 900), stopFile.
 */
public class RollingRestartSimulation extends Simulation {

    static final String REQUEST = "GET through the load balancer";

    {
        String baseUrl = BenchSettings.baseUrl();
        String token = new GuanxiApi(baseUrl).signIn(BenchSettings.string("username", "manager.wang"),
                BenchSettings.string("password", "demo1234"));
        String path = BenchSettings.string("path", "/api/v1/contacts?size=10");
        double rate = BenchSettings.number("rate", 5);
        Duration maxDuration = BenchSettings.seconds("maxDuration", 900);
        Path stopFile = Path.of(BenchSettings.string("stopFile", "/nonexistent/stop"));
        System.out.printf("RollingRestartSimulation: %s%s at %.1f req/s until %s exists (at most %s)%n", baseUrl, path, rate,
                stopFile, maxDuration);

        var load = scenario("rolling restart load")
                .stopLoadGeneratorIf("the fault script is done", session -> Files.exists(stopFile))
                .exec(http(REQUEST).get(path).check(status().is(200)));
        setUp(load.injectOpen(constantUsersPerSec(rate).during(maxDuration)))
                .protocols(http.baseUrl(baseUrl).acceptHeader("application/json").authorizationHeader("Bearer " + token));
    }
}
