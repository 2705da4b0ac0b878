package io.guanxi.crm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The set-up a simulation does once, before any virtual user starts, through the real API: signing in (one token per
 * user name for the whole pool, never one per request), finding the contacts a rep may see, and preparing what the
 * writes need. Plain java.net.http, so none of it is counted in Gatling's figures.
 */
final class GuanxiApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    GuanxiApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** POST /api/v1/auth/token: the bearer token of this user. */
    String signIn(String username, String password) {
        JsonNode body = call("POST", "/api/v1/auth/token", null, Map.of("username", username, "password", password), 200);
        return body.get("access_token").asText();
    }

    /** Up to max contacts this token may see (a rep: their own), as id and name. */
    List<Map<String, String>> contacts(String token, int max) {
        List<Map<String, String>> found = new ArrayList<>();
        for (int page = 0; found.size() < max; page++) {
            JsonNode body = call("GET", "/api/v1/contacts?size=200&page=" + page, token, null, 200);
            JsonNode items = body.get("items");
            for (JsonNode item : items) {
                if (found.size() < max) {
                    found.add(Map.of("contactId", item.get("id").asText(), "name", item.get("name").asText()));
                }
            }
            if (items.size() < 200) {
                break;
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("the signed-in user sees no contact");
        }
        return found;
    }

    /** Contact ids from a file, one a line (the benchmark script passes the set pgbench reads too). */
    static List<String> idsFromFile(String file) {
        try {
            return Files.readAllLines(Path.of(file)).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** A reward with unlimited stock costing one point, so redemptions fail only if the service does. */
    String createBenchReward(String managerToken) {
        JsonNode body = call("POST", "/api/v1/rewards", managerToken, Map.of("name", "压测奖品 " + UUID.randomUUID(),
                "kind", "PRIVILEGE", "pointsCost", 1, "description", "Gatling MixedWorkloadSimulation"), 201);
        return body.get("id").asText();
    }

    /** A manager's points adjustment, enough for every redemption the run can make on this customer. */
    void creditPoints(String managerToken, String contactId, int points) {
        call("POST", "/api/v1/loyalty/accounts/" + contactId + "/adjustments", managerToken,
                Map.of("points", points, "reason", "压测：兑换所需积分"), 201);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private JsonNode call(String method, String path, String token, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}
