package io.guanxi.crm.contact;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 finding 1: a referrer must be a contact the caller may see. Another rep's customer (whose
 * id a duplicate answer gives away) answers exactly as an id that does not exist, and its name never
 * shows as referredByName.
 */
@QuarkusTest
class ReferrerVisibilityTest {

    private TestUser owner;
    private TestUser rep;
    private String hidden;
    private String hiddenMobile;

    @BeforeEach
    void setUp() {
        owner = Api.newUser(Role.SALES_REP);
        rep = Api.newUser(Role.SALES_REP);
        hiddenMobile = Api.uniqueMobile();
        hidden = owner.request().body(aContact().name("隐藏客户").with("mobile", hiddenMobile).build()).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    /** Status, type, title, detail and field errors: the whole answer a client can tell apart. */
    private static List<Object> answer(Response response) {
        return List.of(response.statusCode(), response.contentType(), String.valueOf(response.jsonPath().getString("type")),
                String.valueOf(response.jsonPath().getString("title")), String.valueOf(response.jsonPath().getString("detail")),
                String.valueOf(response.jsonPath().getList("errors")));
    }

    private void assertSameAsUnknown(Function<String, Response> call) {
        List<Object> unknown = answer(call.apply(UUID.randomUUID().toString()));
        List<Object> other = answer(call.apply(hidden));
        assertEquals(400, unknown.get(0));
        assertEquals(unknown, other);
    }

    @Test
    void anotherRepsCustomerIsNoReferrerOnCreateUpdateOrLeadCapture() {
        // The duplicate answer gives the rep the id of a customer they may not see.
        rep.request().body(aContact().with("mobile", hiddenMobile).build()).post("/api/v1/contacts").then().statusCode(409)
                .body("existingId", equalTo(hidden));

        assertSameAsUnknown(id -> rep.request().body(aContact().with("referredById", id).build()).post("/api/v1/contacts"));

        String mine = rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        assertSameAsUnknown(id -> {
            String etag = rep.request().get("/api/v1/contacts/" + mine).header("ETag");
            return rep.request().header("If-Match", etag).body(aContact().with("referredById", id).build())
                    .put("/api/v1/contacts/" + mine);
        });
        rep.request().get("/api/v1/contacts/" + mine).then().body("referredById", nullValue());

        assertSameAsUnknown(id -> rep.request().body(Map.of("sourceChannel", "WEBSITE",
                "newContact", aContact().with("referredById", id).build())).post("/api/v1/leads"));
    }

    @Test
    void aReferrerTheCallerCannotSeeIsNeverNamed() {
        TestUser manager = Api.newUser(Role.MANAGER);
        // A manager sees everyone and may record the referral for the rep's new customer.
        String referred = manager.request().body(aContact().with("referredById", hidden).with("ownerId", rep.id().toString()).build())
                .post("/api/v1/contacts").then().statusCode(201).body("referredByName", equalTo("隐藏客户")).extract().path("id");
        rep.request().get("/api/v1/contacts/" + referred).then().statusCode(200)
                .body("referredById", equalTo(hidden)).body("referredByName", nullValue());
        owner.request().get("/api/v1/contacts/" + hidden).then().statusCode(200);
    }
}
