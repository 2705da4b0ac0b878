package io.guanxi.crm.support;

import static org.awaitility.Awaitility.await;

import io.guanxi.crm.support.Api.TestUser;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way a test waits for a background job: poll GET /api/v1/jobs/{id} until it leaves RUNNING.
 * Times out with an assertion failure (never falls through silently) naming the job and its last state.
 */
public final class Jobs {

    /** Generous for a 2-core machine shared by parallel builds; a healthy job finishes in well under a second. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Jobs() {
    }

    /** The job once it has finished (any state but RUNNING); its state is for the caller to assert. */
    public static JsonPath awaitFinished(TestUser user, String jobId) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        await("job " + jobId + " to finish").atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath job = user.request().get("/api/v1/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
            last.set(job);
            return !"RUNNING".equals(job.getString("state"));
        });
        return last.get();
    }
}
