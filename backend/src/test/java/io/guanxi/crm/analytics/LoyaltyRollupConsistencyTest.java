package io.guanxi.crm.analytics;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.loyalty.LoyaltyReadModel;
import io.guanxi.crm.loyalty.PointsExpiry;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The loyalty flows per owner × month rollup and the owner kept on each account (V52,
 * {@link LoyaltyReadModel#FLOWS_BY_OWNER_MONTH}, {@link LoyaltyReadModel#BALANCES}) after a random mix of earnings,
 * adjustments, redemptions and their cancellations, backdated entries, handovers and an expiry run: the rollup equals
 * the same sums computed from the raw entries under the customers' owners now, every account carries its customer's
 * owner, and the loyalty figures (read from the rollup for whole months, live otherwise; as a manager and as the rep)
 * equal one hand-written statement over the raw ledger and the rows of their drills.
 */
@QuarkusTest
class LoyaltyRollupConsistencyTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager em;

    @Inject
    PointsExpiry expiry;

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();

    @Test
    void theRollupEqualsTheRawLedgerAfterRandomWrites() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        TestUser first = Api.newUser(Role.SALES_REP);
        TestUser second = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        List<TestUser> reps = List.of(first, second);
        for (int i = 0; i < 6; i++) {
            TestUser rep = reps.get(i % 2);
            String name = "积分汇总" + i;
            String id = rep.request().body(aContact().name(name).build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
            names.put(id, name);
            owners.put(id, rep.id().toString());
        }
        List<String> customers = new ArrayList<>(names.keySet());
        String reward = manager.request().body(Map.of("name", "积分礼品 " + UUID.randomUUID().toString().substring(0, 6), "kind", "PRODUCT",
                "pointsCost", 50)).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
        List<String[]> redemptions = new ArrayList<>();
        for (int op = 0; op < 40; op++) {
            int kind = random.nextInt(12);
            String customer = customers.get(random.nextInt(customers.size()));
            TestUser owner = owners.get(customer).equals(first.id().toString()) ? first : second;
            if (kind < 3) {
                owner.request().body(Map.of("contactId", customer, "amount", 100 + random.nextInt(900), "channel", "STORE", "occurredAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()))
                        .post("/api/v1/purchases").then().statusCode(201);
            } else if (kind < 5) {
                // a deduction larger than the balance is refused (409) and writes nothing
                int points = random.nextBoolean() ? 1 + random.nextInt(500) : -(1 + random.nextInt(200));
                manager.request().body(Map.of("points", points, "reason", "一致性测试")).post("/api/v1/loyalty/accounts/" + customer + "/adjustments");
            } else if (kind < 7) {
                String id = owner.request().body(Map.of("contactId", customer, "rewardId", reward, "quantity", 1)).post("/api/v1/redemptions")
                        .then().extract().path("id");
                if (id != null) {
                    redemptions.add(new String[] {id, customer});
                }
            } else if (kind < 8 && !redemptions.isEmpty()) {
                String[] redemption = redemptions.remove(random.nextInt(redemptions.size()));
                TestUser by = owners.get(redemption[1]).equals(first.id().toString()) ? first : second;
                by.request().body(Map.of("reason", "客户取消")).post("/api/v1/redemptions/" + redemption[0] + "/cancel");
            } else if (kind < 10) {
                backdated(customers, random);
            } else {
                String to = owners.get(customer).equals(first.id().toString()) ? second.id().toString() : first.id().toString();
                String etag = manager.request().get("/api/v1/contacts/" + customer).then().statusCode(200).extract().header("ETag");
                manager.request().header("If-Match", etag).body(aContact().name(names.get(customer)).with("ownerId", to).build())
                        .put("/api/v1/contacts/" + customer).then().statusCode(200);
                owners.put(customer, to);
            }
        }
        // An expiry run over lots made due now: one EXPIRE entry per account, all in one statement.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE points_lot SET expires_at = now() - interval '1 day' WHERE contact_id IN (:ids) AND remaining > 0""")
                .setParameter("ids", customers.stream().map(UUID::fromString).toList()).executeUpdate());
        expiry.expire(Instant.now(), null);

        String why = "seed " + seed;
        List<UUID> ids = List.of(first.id(), second.id());
        List<String> rollup = rows("""
                SELECT r.owner_id || ' ' || r.month || ' ' || r.issued || ' ' || r.redeemed || ' ' || r.expired AS row
                FROM %s AS r WHERE r.owner_id IN (:owners) AND (r.issued, r.redeemed, r.expired) <> (0, 0, 0) ORDER BY 1"""
                .formatted(LoyaltyReadModel.FLOWS_BY_OWNER_MONTH), ids);
        List<String> raw = rows("""
                SELECT k.owner_id || ' ' || CAST(date_trunc('month', e.created_at AT TIME ZONE 'Asia/Shanghai') AS date) || ' '
                       || COALESCE(sum(e.points) FILTER (WHERE e.kind IN ('EARN', 'REFERRAL_BONUS') OR (e.kind = 'ADJUST' AND e.points > 0)), 0)
                       || ' ' || COALESCE(sum(-e.points) FILTER (WHERE e.kind = 'REDEEM' OR e.cause = 'REDEMPTION_CANCELLED'), 0)
                       || ' ' || COALESCE(sum(-e.points) FILTER (WHERE e.kind = 'EXPIRE'), 0) AS row
                FROM %s AS e JOIN %s AS k ON k.id = e.contact_id WHERE k.owner_id IN (:owners)
                GROUP BY k.owner_id, CAST(date_trunc('month', e.created_at AT TIME ZONE 'Asia/Shanghai') AS date)
                HAVING (COALESCE(sum(e.points) FILTER (WHERE e.kind IN ('EARN', 'REFERRAL_BONUS') OR (e.kind = 'ADJUST' AND e.points > 0)), 0),
                        COALESCE(sum(-e.points) FILTER (WHERE e.kind = 'REDEEM' OR e.cause = 'REDEMPTION_CANCELLED'), 0),
                        COALESCE(sum(-e.points) FILTER (WHERE e.kind = 'EXPIRE'), 0)) <> (0, 0, 0)
                ORDER BY 1""".formatted(LoyaltyReadModel.ENTRIES, ContactReadModel.CONTACTS), ids);
        assertEquals(raw, rollup, "rollup rows, " + why);
        assertFalse(rollup.isEmpty(), why);
        assertEquals(rows("SELECT k.id || ' ' || k.owner_id AS row FROM %s AS k WHERE k.owner_id IN (:owners) AND k.id IN (SELECT b.contact_id FROM %s AS b) ORDER BY 1"
                .formatted(ContactReadModel.CONTACTS, LoyaltyReadModel.BALANCES), ids),
                rows("SELECT b.contact_id || ' ' || b.owner_id AS row FROM %s AS b WHERE b.owner_id IN (:owners) ORDER BY 1"
                        .formatted(LoyaltyReadModel.BALANCES), ids), "account owners, " + why);

        for (TestUser rep : reps) {
            for (String period : List.of("period=THIS_YEAR", "period=THIS_MONTH", "period=CUSTOM&from=2024-01-01&to=2024-12-31",
                    "period=CUSTOM&from=2024-03-01&to=2024-05-31", "period=CUSTOM&from=2024-03-05&to=2024-05-20")) {
                String at = why + ", " + period + ", " + rep.id();
                JsonPath asManager = report(manager, period + "&ownerId=" + rep.id());
                JsonPath asRep = report(rep, period);
                LocalDate from = LocalDate.parse(asManager.getString("from"));
                LocalDate to = LocalDate.parse(asManager.getString("to"));
                long[] now = expected(rep.id(), from, to);
                long[] before = expected(rep.id(), LocalDate.parse(asManager.getString("previousFrom")),
                        LocalDate.parse(asManager.getString("previousTo")));
                String[] codes = {"loyalty.issued", "loyalty.redeemed", "loyalty.expired"};
                for (int i = 0; i < 3; i++) {
                    for (JsonPath report : List.of(asManager, asRep)) {
                        assertEquals(0, BigDecimal.valueOf(now[i]).compareTo(card(report, codes[i], "value")), codes[i] + ", " + at);
                        assertEquals(0, BigDecimal.valueOf(before[i]).compareTo(card(report, codes[i], "previous")),
                                codes[i] + " (previous), " + at);
                    }
                    assertEquals(0, BigDecimal.valueOf(now[i]).compareTo(drillTotal(manager, codes[i], period + "&ownerId=" + rep.id())),
                            codes[i] + " drill, " + at);
                }
                for (String card : List.of("loyalty.liability", "loyalty.holders")) {
                    assertEquals(0, card(asManager, card, "value").compareTo(card(asRep, card, "value")), card + ", " + at);
                    assertEquals(0, card(asManager, card, "previous").compareTo(card(asRep, card, "previous")), card + " (previous), " + at);
                }
                JsonPath holders = manager.request().get("/api/v1/analytics/LOYALTY/drill/loyalty.holders?" + period + "&ownerId=" + rep.id()
                        + "&size=200").then().statusCode(200).extract().jsonPath();
                assertEquals(card(asManager, "loyalty.holders", "value").intValue(), holders.getInt("total"), "holders drill, " + at);
                assertEquals(0, card(asManager, "loyalty.liability", "value").compareTo(sum(holders)), "liability drill, " + at);
            }
        }
    }

    /** One statement of backdated entries (2024, Shanghai month boundaries included) over several accounts, balances kept. */
    private void backdated(List<String> customers, Random random) {
        List<UUID> some = customers.stream().filter(c -> random.nextBoolean()).map(UUID::fromString).toList();
        if (some.isEmpty()) {
            return;
        }
        String[] kinds = {"EARN", "ADJUST", "REFERRAL_BONUS", "EXPIRE", "REDEEM", "REVERSE"};
        String kind = kinds[random.nextInt(kinds.length)];
        long points = 10 + random.nextInt(300);
        long signed = kind.equals("EXPIRE") || kind.equals("REDEEM") || (kind.equals("ADJUST") && random.nextBoolean()) ? -points : points;
        String cause = switch (kind) {
            case "REVERSE" -> "REDEMPTION_CANCELLED";
            case "ADJUST" -> "MANAGER_ADJUSTMENT";
            case "REFERRAL_BONUS" -> "REFERRAL";
            case "EXPIRE" -> "LOTS_EXPIRED";
            case "REDEEM" -> "REDEMPTION";
            default -> "PURCHASE";
        };
        // the last instant of a month in Shanghai (16:xx UTC of its last day) or the middle of one
        LocalDate day = LocalDate.of(2024, 1 + random.nextInt(12), 1).plusMonths(1).minusDays(1);
        Instant at = random.nextBoolean() ? day.atStartOfDay(ZONE).plusHours(23).plusMinutes(59).toInstant()
                : day.withDayOfMonth(15).atStartOfDay(ZONE).plusHours(10).toInstant();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO loyalty_account (contact_id, balance, created_at, updated_at)
                    SELECT c, 0, now(), now() FROM unnest(CAST(:ids AS uuid[])) AS c ON CONFLICT (contact_id) DO NOTHING""")
                    .setParameter("ids", some.toArray(new UUID[0])).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO points_entry (contact_id, kind, points, balance_after, cause, reason, created_at)
                    SELECT c, :kind, :points, 0, :cause, 'consistency test', :at FROM unnest(CAST(:ids AS uuid[])) AS c""")
                    .setParameter("ids", some.toArray(new UUID[0])).setParameter("kind", kind).setParameter("points", signed)
                    .setParameter("cause", cause).setParameter("at", at).executeUpdate();
        });
    }

    /** The flows of the owner's customers now over the raw ledger, days from–to (Shanghai): issued, redeemed, expired. */
    private long[] expected(UUID owner, LocalDate from, LocalDate to) {
        Tuple row = QuarkusTransaction.requiringNew().call(() -> (Tuple) em.createNativeQuery("""
                SELECT COALESCE(sum(e.points) FILTER (WHERE e.kind IN ('EARN', 'REFERRAL_BONUS') OR (e.kind = 'ADJUST' AND e.points > 0)), 0) AS issued,
                       COALESCE(sum(-e.points) FILTER (WHERE e.kind = 'REDEEM' OR e.cause = 'REDEMPTION_CANCELLED'), 0) AS redeemed,
                       COALESCE(sum(-e.points) FILTER (WHERE e.kind = 'EXPIRE'), 0) AS expired
                FROM %s AS e JOIN %s AS k ON k.id = e.contact_id WHERE k.owner_id = :owner AND e.created_at >= :s AND e.created_at < :e"""
                .formatted(LoyaltyReadModel.ENTRIES, ContactReadModel.CONTACTS), Tuple.class).setParameter("owner", owner)
                .setParameter("s", from.atStartOfDay(ZONE).toInstant()).setParameter("e", to.plusDays(1).atStartOfDay(ZONE).toInstant())
                .getSingleResult());
        return new long[] {((Number) row.get("issued")).longValue(), ((Number) row.get("redeemed")).longValue(),
                ((Number) row.get("expired")).longValue()};
    }

    private static JsonPath report(TestUser user, String query) {
        return user.request().get("/api/v1/analytics/LOYALTY?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static BigDecimal card(JsonPath report, String code, String field) {
        Object value = report.getMap("cards.find { it.code == '" + code + "' }").get(field);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private static BigDecimal drillTotal(TestUser manager, String figure, String query) {
        return sum(manager.request().get("/api/v1/analytics/LOYALTY/drill/" + figure + "?" + query + "&size=200").then().statusCode(200)
                .extract().jsonPath());
    }

    private static BigDecimal sum(JsonPath drill) {
        return drill.getList("items.amount").stream().map(a -> new BigDecimal(a.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql, List<UUID> ownerIds) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql).setParameter("owners", ownerIds).getResultList());
    }
}
