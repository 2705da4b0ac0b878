package io.guanxi.crm.contact;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contact export writes its rows in the list's order: the same {@code sort}, the same default, the same ties. */
@QuarkusTest
class ContactExportOrderTest {

    private TestUser rep;
    private String tag;

    @BeforeEach
    void aRepWithFourContacts() {
        rep = Api.newUser(Role.SALES_REP);
        tag = "ord-" + UUID.randomUUID().toString().substring(0, 8);
        // Created in an order that is neither the pinyin order nor its reverse; one without a company.
        contact("张三", "Beta");
        contact("李四", null);
        contact("阿明", "Alpha");
        contact("王五", "Gamma");
    }

    private void contact(String name, String company) {
        var body = aContact().name(name).tags(tag);
        if (company != null) {
            body.with("company", company);
        }
        rep.request().body(body.build()).post("/api/v1/contacts").then().statusCode(201);
    }

    /** The export's names in file order (the header dropped). */
    private List<String> exported(String sort) {
        var request = rep.request().queryParam("tag", tag).queryParam("columns", "name");
        if (sort != null) {
            request.queryParam("sort", sort);
        }
        String body = request.get("/api/v1/contacts/export").then().statusCode(200).extract().asString();
        return names(body);
    }

    private static List<String> names(String csv) {
        assertTrue(csv.startsWith("\uFEFF"), "UTF-8 byte-order mark");
        return Arrays.stream(csv.substring(1).split("\r\n")).skip(1).toList();
    }

    /** The list's names in its order. */
    private List<String> listed(String sort) {
        var request = rep.request().queryParam("tag", tag).queryParam("size", 200);
        if (sort != null) {
            request.queryParam("sort", sort);
        }
        return request.get("/api/v1/contacts").then().statusCode(200).extract().jsonPath().getList("items.name", String.class);
    }

    @Test
    void namesSortByPinyinEitherWay() {
        assertEquals(List.of("阿明", "李四", "王五", "张三"), exported("name,asc"), "a-ming, li-si, wang-wu, zhang-san");
        assertEquals(List.of("张三", "王五", "李四", "阿明"), exported("name,desc"));
        assertEquals(List.of("阿明", "李四", "王五", "张三"), exported("name"), "ascending when no direction is given, as the list");
    }

    @Test
    void theFileHasTheListsOrderIncludingEmptyValuesLastAndTheDefault() {
        assertEquals(List.of("阿明", "张三", "王五", "李四"), exported("company,asc"), "no company sorts last");
        assertEquals(List.of("王五", "张三", "阿明", "李四"), exported("company,desc"), "last in either direction");
        for (String sort : new String[] {"company,desc", "createdAt,asc", "completeness,desc", null}) {
            assertEquals(listed(sort), exported(sort), "export and list agree on sort=" + sort);
        }
        assertEquals(List.of("王五", "阿明", "李四", "张三"), exported(null), "newest first by default, as the list");
    }

    @Test
    void aJobAndAnIdSelectionKeepTheOrderToo() {
        String id = rep.request().queryParam("tag", tag).queryParam("columns", "name").queryParam("sort", "name,desc")
                .queryParam("async", true).get("/api/v1/contacts/export").then().statusCode(202).extract().path("id");
        AtomicReference<JsonPath> job = new AtomicReference<>();
        await("export job").atMost(Jobs.TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            job.set(rep.request().get("/api/v1/exports/" + id).then().statusCode(200).extract().jsonPath());
            return !"RUNNING".equals(job.get().getString("state"));
        });
        assertEquals("SUCCEEDED", job.get().getString("state"), job.get().prettify());
        String file = rep.request().get("/api/v1/exports/" + id + "/file").then().statusCode(200).extract().asString();
        assertEquals(List.of("张三", "王五", "李四", "阿明"), names(file));

        List<String> ids = rep.request().queryParam("tag", tag).queryParam("sort", "name,asc").get("/api/v1/contacts")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        String selection = String.join(",", ids.get(3), ids.get(0), ids.get(2));
        String body = rep.request().queryParam("ids", selection).queryParam("columns", "name").queryParam("sort", "name,asc")
                .get("/api/v1/contacts/export").then().statusCode(200).extract().asString();
        assertEquals(List.of("阿明", "王五", "张三"), names(body), "the selection in the sort's order, not the order of the ids");
    }

    @Test
    void aSortTheListRefusesIsA400NamingSort() {
        for (String bad : new String[] {"salary", "name,up", "name,asc,id", "c.id; DROP TABLE contact"}) {
            rep.request().queryParam("sort", bad).get("/api/v1/contacts/export").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        }
    }
}
