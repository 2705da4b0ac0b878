package io.guanxi.crm.care;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.care.api.CareScanResult;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.Policies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CareTest {

    /**
     * The festivals as the State Council's holiday notices and the Purple Mountain Observatory's almanac
     * give them — not computed: the test must not share the code's source.
     */
    private static final Map<Integer, Map<String, String>> OFFICIAL = Map.of(
            2024, Map.of("SPRING_FESTIVAL", "2024-02-10", "LANTERN_FESTIVAL", "2024-02-24", "DRAGON_BOAT", "2024-06-10",
                    "QIXI", "2024-08-10", "MID_AUTUMN", "2024-09-17", "DOUBLE_NINTH", "2024-10-11"),
            2025, Map.of("SPRING_FESTIVAL", "2025-01-29", "LANTERN_FESTIVAL", "2025-02-12", "DRAGON_BOAT", "2025-05-31",
                    "QIXI", "2025-08-29", "MID_AUTUMN", "2025-10-06", "DOUBLE_NINTH", "2025-10-29"),
            2026, Map.of("SPRING_FESTIVAL", "2026-02-17", "LANTERN_FESTIVAL", "2026-03-03", "DRAGON_BOAT", "2026-06-19",
                    "QIXI", "2026-08-19", "MID_AUTUMN", "2026-09-25", "DOUBLE_NINTH", "2026-10-18"),
            // The edge year: the new moon falls just before midnight Beijing time; astronomical calendars say the 7th.
            2027, Map.of("SPRING_FESTIVAL", "2027-02-06", "LANTERN_FESTIVAL", "2027-02-20", "DRAGON_BOAT", "2027-06-09",
                    "QIXI", "2027-08-08", "MID_AUTUMN", "2027-09-15", "DOUBLE_NINTH", "2027-10-08"),
            2028, Map.of("SPRING_FESTIVAL", "2028-01-26", "LANTERN_FESTIVAL", "2028-02-09", "DRAGON_BOAT", "2028-05-28",
                    "QIXI", "2028-08-26", "MID_AUTUMN", "2028-10-03", "DOUBLE_NINTH", "2028-10-26"),
            2029, Map.of("SPRING_FESTIVAL", "2029-02-13", "LANTERN_FESTIVAL", "2029-02-27", "DRAGON_BOAT", "2029-06-16",
                    "QIXI", "2029-08-16", "MID_AUTUMN", "2029-09-22", "DOUBLE_NINTH", "2029-10-16"),
            2030, Map.of("SPRING_FESTIVAL", "2030-02-03", "LANTERN_FESTIVAL", "2030-02-17", "DRAGON_BOAT", "2030-06-05",
                    "QIXI", "2030-08-05", "MID_AUTUMN", "2030-09-12", "DOUBLE_NINTH", "2030-10-05"));

    @Inject
    CareScheduling scheduling;

    @Test
    void lunarAndSolarHolidaysFollowTheOfficialCalendar() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        for (var year : OFFICIAL.entrySet()) {
            JsonPath calendar = rep.request().queryParam("year", year.getKey()).get("/api/v1/care/holidays")
                    .then().statusCode(200).body("year", equalTo(year.getKey())).extract().jsonPath();
            for (var festival : year.getValue().entrySet()) {
                assertEquals(festival.getValue(), calendar.getString("holidays.find { it.code == '" + festival.getKey() + "' }.date"),
                        festival.getKey() + " " + year.getKey());
            }
            assertEquals(year.getKey() + "-10-01", calendar.getString("holidays.find { it.code == 'NATIONAL_DAY' }.date"));
            assertEquals(year.getKey() + "-01-01", calendar.getString("holidays.find { it.code == 'NEW_YEAR' }.date"));
            List<String> dates = calendar.getList("holidays.date");
            assertEquals(dates.stream().sorted().toList(), dates, "in date order");
        }
        rep.request().queryParam("year", 2027).get("/api/v1/care/holidays").then()
                .body("holidays.find { it.code == 'MID_AUTUMN' }.calendar", equalTo("LUNAR"))
                .body("holidays.find { it.code == 'MID_AUTUMN' }.month", equalTo(8))
                .body("holidays.find { it.code == 'MID_AUTUMN' }.day", equalTo(15));
    }

    @Test
    void aYearOutsideTheTablesOrNotANumberIsABadRequest() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        rep.request().queryParam("year", 1800).get("/api/v1/care/holidays").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors.field", hasItem("year"));
        rep.request().queryParam("year", "二〇二七").get("/api/v1/care/holidays").then().statusCode(400)
                .contentType(containsString("problem+json"));
        rep.request().get("/api/v1/care/holidays").then().statusCode(200).body("holidays.size()", equalTo(10));
    }

    @Test
    void occasionsBecomeOneCareActivityEachCallsForValuedCustomersGreetingsOnlyWithConsent() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        // 20 March 2027, 10:00 in Shanghai: no holiday in the next three days.
        Instant now = Instant.parse("2027-03-20T02:00:00Z");
        String consenting = contact(rep, "王芳", "1990-03-22", true);
        String notConsenting = contact(rep, "李强", "1985-03-23", false);
        String valued = contact(rep, "赵敏", "1978-03-21", false);
        // Gold: 10 000 CNY in the last 12 months, a customer for 90 days or more (tier policy version 1).
        customerAt(rep, valued, 100, Instant.now().minus(Duration.ofDays(200)));
        customerAt(rep, valued, 20_000, Instant.now().minus(Duration.ofDays(1)));
        rep.request().get("/api/v1/contacts/" + valued + "/overview").then().body("value.membershipLevel", equalTo("GOLD"));
        String later = contact(rep, "钱多", "1990-03-30", true); // outside the window
        String archived = contact(rep, "孙丽", "1990-03-22", true);
        rep.request().delete("/api/v1/contacts/" + archived).then().statusCode(204);

        CareScanResult first = scheduling.scan(now);
        CareScanResult again = scheduling.scan(now);
        assertEquals(new CareScanResult(0, 0, 0), again, "a second scan finds every occasion handled");

        JsonPath mine = rep.request().queryParam("size", 100).get("/api/v1/activities").then().statusCode(200).extract().jsonPath();
        assertEquals(2, mine.getInt("total"), mine.prettify());
        assertEquals("CARE_GREETING", mine.getString("items.find { it.contactId == '" + consenting + "' }.originRule"));
        assertEquals("CARE", mine.getString("items.find { it.contactId == '" + consenting + "' }.kind"));
        assertEquals("尊敬的王芳，值此生日之际，祝您和家人幸福安康！感谢您一直以来的信任与支持。",
                mine.getString("items.find { it.contactId == '" + consenting + "' }.originParams.messageZh"));
        assertEquals("2027-03-22", mine.getString("items.find { it.contactId == '" + consenting + "' }.originParams.date"));
        // Due three days before the occasion, or today when that has passed.
        assertEquals("2027-03-20", mine.getString("items.find { it.contactId == '" + consenting + "' }.dueDate"));
        assertEquals("CARE_CALL", mine.getString("items.find { it.contactId == '" + valued + "' }.originRule"));
        assertEquals("CALL", mine.getString("items.find { it.contactId == '" + valued + "' }.kind"));
        assertEquals(List.of(), mine.getList("items.findAll { it.contactId == '" + notConsenting + "' || it.contactId == '" + later
                + "' || it.contactId == '" + archived + "' }"));
        // Everyone else's occasions in the same window count too; ours are among them.
        assertEquals(true, first.calls() >= 1 && first.greetings() >= 1 && first.withoutConsent() >= 1, first.toString());
    }

    @Test
    void aBirthdayWithoutItsYearIsCaredForAndTwentyNinthFebruaryFallsOnTheTwentyEighth() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String noYear = contactWithoutYear(rep, "郑爽", "--02-27");
        String leap = contactWithoutYear(rep, "冯巩", "--02-29");
        String later = contactWithoutYear(rep, "陈红", "--03-05");
        // 26 February 2027, 10:00 in Shanghai; 2027 has no 29 February.
        scheduling.scan(Instant.parse("2027-02-26T02:00:00Z"));
        scheduling.scan(Instant.parse("2027-02-26T02:00:00Z"));

        JsonPath mine = rep.request().queryParam("size", 100).get("/api/v1/activities").then().statusCode(200).extract().jsonPath();
        assertEquals(2, mine.getInt("total"), mine.prettify());
        assertEquals("2027-02-27", mine.getString("items.find { it.contactId == '" + noYear + "' }.originParams.date"));
        assertEquals("BIRTHDAY", mine.getString("items.find { it.contactId == '" + noYear + "' }.originParams.occasion"));
        assertEquals("2027-02-28", mine.getString("items.find { it.contactId == '" + leap + "' }.originParams.date"));
        assertEquals(List.of(), mine.getList("items.findAll { it.contactId == '" + later + "' }"));
    }

    @Test
    void theContactApiTakesABirthdayWithOrWithoutTheYearNotBoth() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String id = contactWithoutYear(rep, "韩梅", "--02-29");
        rep.request().get("/api/v1/contacts/" + id).then().statusCode(200).body("birthMonthDay", equalTo("--02-29"))
                .body("birthday", equalTo(null)).body("missingFields", org.hamcrest.Matchers.not(hasItem("birthday")));
        rep.request().body(aContact().name("两个生日").with("birthday", "1990-02-01").with("birthMonthDay", "--02-01").build())
                .post("/api/v1/contacts").then().statusCode(400).body("errors.field", hasItem("birthMonthDay"));
        for (String wrong : List.of("--02-30", "--13-01", "02-01", "--2-1")) {
            rep.request().body(aContact().name("错日").with("birthMonthDay", wrong).build())
                    .post("/api/v1/contacts").then().statusCode(400).body("errors.field", hasItem("birthMonthDay"));
        }
        // A client that knows nothing of it keeps working: the full date alone, as before.
        String dated = contact(rep, "李雷", "1990-02-01", false);
        rep.request().get("/api/v1/contacts/" + dated).then().body("birthday", equalTo("1990-02-01")).body("birthMonthDay", equalTo(null));
    }

    @Test
    void theTodayPageShowsTheRepsBirthdaysOfTheWeek() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        java.time.LocalDate inTwoDays = today.plusDays(2);
        String withYear = contact(rep, "生日甲", inTwoDays.minusYears(30).toString(), false);
        String withoutYear = contactWithoutYear(rep, "生日乙", java.time.MonthDay.from(today).toString());
        contact(rep, "生日丙", today.plusDays(9).minusYears(30).toString(), false); // next week
        TestUser other = Api.newUser(Role.SALES_REP);
        contactWithoutYear(other, "别人的", java.time.MonthDay.from(today).toString());

        JsonPath day = rep.request().get("/api/v1/today").then().statusCode(200).extract().jsonPath();
        assertEquals(2, day.getInt("birthdays.total"), day.prettify());
        assertEquals(List.of(withoutYear, withYear), day.getList("birthdays.first.contactId"));
        assertEquals(true, day.getBoolean("birthdays.first[0].today"));
        assertEquals(null, (Object) day.get("birthdays.first[0].turns"));
        assertEquals(30, day.getInt("birthdays.first[1].turns"));
        assertEquals(inTwoDays.toString(), day.getString("birthdays.first[1].date"));
    }

    @Test
    void aLunarFestivalReachesTheCustomersWhoBought() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String customer = contact(rep, "周杰", null, true);
        customerAt(rep, customer, 100, Instant.now().minus(Duration.ofDays(1)));
        String prospect = contact(rep, "吴磊", null, true); // never bought: no holiday greeting
        scheduling.scan(Instant.parse("2027-02-04T01:00:00Z")); // 春节 2027 is on the 6th

        JsonPath mine = rep.request().get("/api/v1/activities").then().statusCode(200).extract().jsonPath();
        assertEquals(1, mine.getInt("total"), mine.prettify());
        assertEquals(customer, mine.getString("items[0].contactId"));
        assertEquals("SPRING_FESTIVAL", mine.getString("items[0].originParams.occasion"));
        assertEquals("2027-02-06", mine.getString("items[0].originParams.date"));
        assertEquals("2027-02-04", mine.getString("items[0].dueDate"));
        assertEquals(true, mine.getString("items[0].originParams.messageEn").contains("the Spring Festival"));
        assertEquals(List.of(), mine.getList("items.findAll { it.contactId == '" + prospect + "' }"));
    }

    @Test
    void thePolicyIsVersionedAndOnlyAnAdminChangesIt() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        manager.request().get("/api/v1/care/policy").then().statusCode(200).body("daysBefore", equalTo(3));
        rep.request().get("/api/v1/care/policy").then().statusCode(403);
        TestUser admin = Policies.admin();
        Map<String, Object> change = new HashMap<>(Map.of("daysBefore", 3, "occasions", List.of("BIRTHDAY", "SPRING_FESTIVAL", "MID_AUTUMN",
                "DRAGON_BOAT", "NATIONAL_DAY", "PURCHASE_ANNIVERSARY"), "callAbcTiers", List.of("A"), "callMinLevel", "GOLD",
                "greetingZh", "{honorific}{name}，值此{occasion}之际，祝您和家人幸福安康！感谢您一直以来的信任与支持。",
                "greetingEn", "{honorific} {name}, warm wishes for {occasion}! Thank you for your trust and support."));
        admin.request().body(change).put("/api/v1/care/policy").then().statusCode(428);
        int version = Policies.put(admin, "/api/v1/care/policy", change).then().statusCode(200).extract().path("version");
        admin.request().header("If-Match", "\"" + (version - 1) + "\"").body(change).put("/api/v1/care/policy").then().statusCode(412);
        change.put("callAbcTiers", List.of("Z"));
        Policies.put(admin, "/api/v1/care/policy", change).then().statusCode(400).body("errors.field", hasItem(containsString("callAbcTiers")));
        change.put("callAbcTiers", List.of("A"));
        change.put("daysBefore", 31);
        Policies.put(admin, "/api/v1/care/policy", change).then().statusCode(400).body("errors.field", hasItem("daysBefore"));
    }

    private static String contact(TestUser rep, String name, String birthday, boolean consent) {
        var body = aContact().name(name).with("marketingConsent", consent);
        if (birthday != null) {
            body.with("birthday", birthday);
        }
        return rep.request().body(body.build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static String contactWithoutYear(TestUser rep, String name, String monthDay) {
        return rep.request().body(aContact().name(name).with("marketingConsent", true).with("birthMonthDay", monthDay).build())
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static void customerAt(TestUser rep, String contactId, int amount, Instant when) {
        rep.request().body(Map.of("contactId", contactId, "amount", amount, "channel", "STORE",
                        "occurredAt", when.truncatedTo(ChronoUnit.SECONDS).toString()))
                .post("/api/v1/purchases").then().statusCode(201);
    }
}
