package io.guanxi.crm.support;

import io.guanxi.crm.support.Api.TestUser;
import io.restassured.response.Response;

/** Policies are edited like every other resource: read the ETag, send it back in If-Match. */
public final class Policies {

    private Policies() {
    }

    /** The policy's current ETag. */
    public static String etag(TestUser user, String path) {
        return user.request().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** PUT with If-Match set to the ETag just read. */
    public static Response put(TestUser user, String path, Object body) {
        return user.request().header("If-Match", etag(user, path)).body(body).put(path);
    }

    /** The bootstrapped admin, who may change every policy. */
    public static TestUser admin() {
        return new TestUser(null, "admin", Api.adminToken());
    }
}
