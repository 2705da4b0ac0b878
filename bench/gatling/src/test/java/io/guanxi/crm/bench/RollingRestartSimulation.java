package io.guanxi.crm.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.pause;
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
 * creates stopFile or maxDuration passes. Every non-200 answer and every timeout is a
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

        // Once the stop file exists, new users send nothing; the run ends only after the last request sent has had its
        // answer or its 10 s timeout, so every request sent is counted.
        var load = scenario("rolling restart load").exitHereIf(session -> Files.exists(stopFile))
                .exec(http(REQUEST).get(path).check(status().is(200)));
        var stopper = scenario("stop when the fault script is done").asLongAs(session -> !Files.exists(stopFile)).on(pause(1))
                .pause(Duration.ofSeconds(11)).stopLoadGenerator("the fault script is done");
        setUp(load.injectOpen(constantUsersPerSec(rate).during(maxDuration)), stopper.injectOpen(atOnceUsers(1)))
                .protocols(http.baseUrl(baseUrl).acceptHeader("application/json").authorizationHeader("Bearer " + token));
    }
}
