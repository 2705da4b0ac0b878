package io.guanxi.crm.lead;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SQL that writes scores and the Java that explains them must agree. For random leads (budgets on
 * and around the rule boundaries, missing fields, several interactions), the stored score equals the
 * formula applied to the rules the explanation says fired.
 */
@QuarkusTest
class ScoringConsistencyTest {

    @Test
    void storedScoresMatchTheExplainedFormula() {
        var rep = Api.newUser(Role.SALES_REP);
        Random random = new Random(7);
        String[] sources = {"REFERRAL", "TRADE_SHOW", "WEBSITE", "OUTBOUND", "COMMUNITY"};
        String[] regions = {"EAST", "NORTH", null};
        String[] industries = {"科技", "零售", null};
        String[] budgets = {"19999.99", "20000", "20000.01", "99999.99", "100000", "500000", null};
        for (int i = 0; i < 25; i++) {
            Map<String, Object> lead = new HashMap<>();
            lead.put("newContact", aContact().name("一致性" + i).build());
            lead.put("sourceChannel", sources[random.nextInt(sources.length)]);
            putIfPresent(lead, "region", regions[random.nextInt(regions.length)]);
            putIfPresent(lead, "industry", industries[random.nextInt(industries.length)]);
            putIfPresent(lead, "budget", budgets[random.nextInt(budgets.length)]);
            JsonPath created = rep.request().body(lead).post("/api/v1/leads").then().statusCode(201).extract().jsonPath();
            for (int k = random.nextInt(7); k > 0; k--) {
                rep.request().body(Map.of("channel", "WECHAT", "direction", "INBOUND", "summary", "消息"))
                        .post("/api/v1/contacts/" + created.getString("contactId") + "/interactions").then().statusCode(201);
            }
            JsonPath explained = rep.request().get("/api/v1/leads/" + created.getString("id") + "/score")
                    .then().statusCode(200).extract().jsonPath();
            List<Integer> fired = explained.getList("matchRules.findAll { it.fired }.rule.points", Integer.class);
            int match = Math.min(100, fired.stream().mapToInt(Integer::intValue).sum());
            int activity = Math.min(explained.getInt("activityCap"),
                    explained.getInt("activityCount") * explained.getInt("pointsPerInteraction"));
            BigDecimal expected = new BigDecimal(explained.getString("matchWeight")).multiply(BigDecimal.valueOf(match))
                    .add(new BigDecimal(explained.getString("activityWeight")).multiply(BigDecimal.valueOf(activity)))
                    .setScale(2, RoundingMode.HALF_UP);
            String context = lead + " -> " + explained.prettify();
            assertEquals(match, explained.getInt("matchScore"), context);
            assertEquals(activity, explained.getInt("activityScore"), context);
            assertEquals(0, expected.compareTo(new BigDecimal(explained.getString("score"))), context);
        }
    }

    private static void putIfPresent(Map<String, Object> body, String field, String value) {
        if (value != null) {
            body.put(field, field.equals("budget") ? new BigDecimal(value) : value);
        }
    }
}
