package io.guanxi.crm.search;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/search through HTTP: what each role finds, by which part of a name, and what it must not find. */
@QuarkusTest
class SearchResourceTest {

    /**
     * Characters whose first pinyin4j reading is their common one (not 瞿, read ju), so a random name of four
     * has a known, practically unique pinyin.
     */
    private static final Map<Character, String> READINGS = Map.ofEntries(Map.entry('鲍', "bao"), Map.entry('柯', "ke"),
            Map.entry('邝', "kuang"), Map.entry('蔺', "lin"), Map.entry('窦', "dou"), Map.entry('郜', "gao"),
            Map.entry('聂', "nie"), Map.entry('苗', "miao"), Map.entry('滕', "teng"), Map.entry('裴', "pei"), Map.entry('芮', "rui"),
            Map.entry('湛', "zhan"), Map.entry('暨', "ji"), Map.entry('甄', "zhen"), Map.entry('桂', "gui"), Map.entry('靳', "jin"),
            Map.entry('栾', "luan"), Map.entry('阚', "kan"), Map.entry('笪', "da"));

    private TestUser rep;
    private TestUser otherRep;
    private TestUser manager;
    private String name;
    private String pinyin;
    private String initials;

    @BeforeEach
    void people() {
        rep = Api.newUser(Role.SALES_REP);
        otherRep = Api.newUser(Role.SALES_REP);
        manager = Api.newUser(Role.MANAGER);
        List<Character> chars = List.copyOf(READINGS.keySet());
        StringBuilder n = new StringBuilder();
        StringBuilder p = new StringBuilder();
        StringBuilder i = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            char c = chars.get(ThreadLocalRandom.current().nextInt(chars.size()));
            n.append(c);
            p.append(READINGS.get(c));
            i.append(READINGS.get(c).charAt(0));
        }
        name = n.toString();
        pinyin = p.toString();
        initials = i.toString();
    }

    private String contactOf(TestUser owner, String mobile, String company) {
        return owner.request().body(aContact().name(name).with("mobile", mobile).with("company", company).build())
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private String leadAbout(TestUser owner, String contactId, String productInterest) {
        return owner.request().body(Map.of("contactId", contactId, "sourceChannel", "REFERRAL", "productInterest", productInterest))
                .post("/api/v1/leads").then().statusCode(201).extract().path("id");
    }

    private ValidatableResponse search(TestUser user, String q) {
        return user.request().queryParam("q", q).queryParam("limit", 20).get("/api/v1/search").then().statusCode(200);
    }

    @Test
    void aRepFindsTheirOwnContactByPinyinInitialsMobileDigitsAndCompanyButNotAnotherRepsContactOrLead() {
        String mobile = Api.uniqueMobile();
        String mine = contactOf(rep, mobile, "杭州湖畔测试有限公司");
        String myLead = leadAbout(rep, mine, "年度维保");
        String theirs = contactOf(otherRep, Api.uniqueMobile(), "杭州湖畔测试有限公司");
        String theirLead = leadAbout(otherRep, theirs, "年度维保");

        for (String q : List.of(pinyin, pinyin.toUpperCase(), initials, mobile.substring(3), name, name.substring(1, 3))) {
            search(rep, q)
                    .body("contacts.items.id", hasItem(mine))
                    .body("contacts.items.id", not(hasItem(theirs)))
                    .body("leads.items.id", hasItem(myLead))
                    .body("leads.items.id", not(hasItem(theirLead)));
        }
        search(rep, pinyin).body("contacts.items.find { it.id == '" + mine + "' }.title", equalTo(name))
                .body("contacts.items.find { it.id == '" + mine + "' }.subtitle", equalTo("杭州湖畔测试有限公司 · " + mobile.substring(0, 3) + "****" + mobile.substring(7)))
                .body("leads.items.find { it.id == '" + myLead + "' }.title", equalTo(name))
                .body("leads.items.find { it.id == '" + myLead + "' }.subtitle", equalTo("年度维保"));
        search(manager, pinyin).body("contacts.items.id", hasItem(mine)).body("contacts.items.id", hasItem(theirs))
                .body("leads.items.id", hasItem(myLead)).body("leads.items.id", hasItem(theirLead));
    }

    @Test
    void leadsAndComplaintsMatchByTheirOwnTextToo() {
        String contact = contactOf(rep, Api.uniqueMobile(), null);
        String word = "独角兽" + READINGS.keySet().iterator().next() + ThreadLocalRandom.current().nextInt(1_000_000);
        String lead = leadAbout(rep, contact, "定制" + word + "方案");
        String complaint = rep.request().body(Map.of("contactId", contact, "channel", "HOTLINE", "category", "LOGISTICS",
                        "severity", "LOW", "description", "客户说" + word + "的包裹\n晚到三天"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        search(rep, word).body("contacts.items", hasSize(0)).body("leads.items.id", hasItem(lead))
                .body("complaints.items.id", hasItem(complaint))
                .body("complaints.items.find { it.id == '" + complaint + "' }.title", equalTo(name))
                .body("complaints.items.find { it.id == '" + complaint + "' }.subtitle", equalTo("客户说" + word + "的包裹 晚到三天"));
        search(rep, pinyin).body("complaints.items.id", hasItem(complaint));
        search(otherRep, word).body("leads.items", hasSize(0)).body("complaints.items", hasSize(0));
        // Agents work every complaint but no leads.
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        search(agent, word).body("complaints.items.id", hasItem(complaint)).body("leads.items", hasSize(0))
                .body("leads.more", equalTo(false));
    }

    @Test
    void theFirstFewOfEachKindAndWhetherThereAreMore() {
        for (int k = 0; k < 3; k++) {
            contactOf(rep, Api.uniqueMobile(), null);
        }
        rep.request().queryParam("q", pinyin).queryParam("limit", 2).get("/api/v1/search").then().statusCode(200)
                .body("contacts.items", hasSize(2)).body("contacts.more", equalTo(true))
                .body("leads.items", hasSize(0)).body("leads.more", equalTo(false));
        rep.request().queryParam("q", pinyin).queryParam("limit", 3).get("/api/v1/search").then().statusCode(200)
                .body("contacts.items", hasSize(3)).body("contacts.more", equalTo(false))
                .body("contacts.items.title", everyItem(equalTo(name)));
    }

    @Test
    void aBadSearchIsAProblem() {
        for (Map<String, Object> params : List.<Map<String, Object>>of(Map.of(), Map.of("q", ""), Map.of("q", "   "),
                Map.of("q", "好".repeat(101)), Map.of("q", "张", "limit", "0"), Map.of("q", "张", "limit", "21"),
                Map.of("q", "张", "limit", "2.5"), Map.of("q", "张", "limit", "五"))) {
            rep.request().queryParams(params).get("/api/v1/search").then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400))
                    .body("errors[0].field", equalTo(params.containsKey("limit") ? "limit" : "q"));
        }
        given().queryParam("q", "张").get("/api/v1/search").then().statusCode(401);
        Api.newUser(Role.INTEGRATOR).request().queryParam("q", "张").get("/api/v1/search").then().statusCode(403);
    }
}
