package io.guanxi.crm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.support.KnownState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo seed, from an empty customer base: every statement of its repositories runs, what it writes
 * holds together, and a second start writes nothing. Afterwards the customers, the demo rewards and the
 * demo users (deactivated: they could otherwise be picked for another class's assignments) are gone.
 */
@QuarkusTest
class DemoSeedTest {

    private static final List<String> DEMO_USERNAMES = DemoData.USERS.stream().map(row -> (String) row[0]).toList();
    private static final List<String> DEMO_REWARDS = Arrays.stream(DemoLoyalty.REWARDS).map(row -> (String) row[0]).toList();

    @Inject
    DemoData demo;

    @Inject
    EntityManager em;

    @BeforeEach
    void noCustomers() {
        KnownState.noCustomers(em);
    }

    @AfterEach
    void removeTheDemo() {
        KnownState.noCustomers(em);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM reward WHERE name IN (:names)").setParameter("names", DEMO_REWARDS).executeUpdate();
            em.createNativeQuery("UPDATE app_user SET active = false, token_generation = token_generation + 1 WHERE username IN (:names)")
                    .setParameter("names", DEMO_USERNAMES).executeUpdate();
        });
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void theDemoIsSeededOnceAndHoldsTogether() {
        demo.seed();

        // 300 generated contacts and the 20 website prospects the integrator holds.
        assertEquals(320, count("SELECT count(*) FROM contact"));
        assertEquals(20, count("""
                SELECT count(*) FROM contact c JOIN app_user u ON u.id = c.owner_id WHERE u.username = 'web.form'"""));
        // No purchase of an integrator-held prospect; every fully refunded purchase has its refund.
        assertEquals(0, count("""
                SELECT count(*) FROM purchase p JOIN contact c ON c.id = p.contact_id
                JOIN app_user u ON u.id = c.owner_id WHERE u.username = 'web.form'"""));
        assertTrue(count("SELECT count(*) FROM purchase") > 0);
        assertEquals(count("SELECT count(*) FROM purchase WHERE refunded_amount > 0"), count("SELECT count(*) FROM refund"));
        // The prospects' leads wait unassigned in a queue; every lead is scored under policy 1 or later.
        assertEquals(20, count("SELECT count(*) FROM lead WHERE owner_id IS NULL AND assignment_kind IN ('POTENTIAL_QUEUE', 'PRIORITY_QUEUE')"));
        assertEquals(0, count("SELECT count(*) FROM lead WHERE owner_id IS NULL AND score >= 80 AND assignment_kind <> 'PRIORITY_QUEUE'"));
        assertEquals(count("SELECT count(*) FROM lead"), count("SELECT count(DISTINCT lead_id) FROM lead_score_history"));
        assertEquals(12, count("SELECT count(*) FROM complaint"));
        assertEquals(12, count("SELECT count(*) FROM complaint_event WHERE action = 'RECEIVE'"));
        // Tiers for every customer with a purchase; points earned on kept purchases; redemptions paid and stocked.
        assertEquals(count("SELECT count(DISTINCT contact_id) FROM purchase"), count("SELECT count(*) FROM customer_value"));
        assertEquals(5, count("SELECT count(*) FROM reward WHERE name IN (" + quoted(DEMO_REWARDS) + ")"));
        long redemptions = count("SELECT count(*) FROM redemption");
        assertEquals(200 - redemptions, count("SELECT stock FROM reward WHERE name = '品牌保温杯'"));

        // Some birthdays without the year; one launched campaign with one CAMPAIGN activity per target.
        assertTrue(count("SELECT count(*) FROM contact WHERE birth_month_day IS NOT NULL") > 0);
        assertEquals(1, count("SELECT count(*) FROM campaign WHERE name = '中秋客户关怀' AND state = 'LAUNCHED'"));
        long targets = count("SELECT count(*) FROM campaign_target t JOIN campaign c ON c.id = t.campaign_id WHERE c.name = '中秋客户关怀'");
        assertTrue(targets > 0);
        assertEquals(targets, count("SELECT count(*) FROM activity WHERE origin_rule = 'CAMPAIGN' AND origin_params->>'campaign' = '中秋客户关怀'"));

        long contacts = count("SELECT count(*) FROM contact");
        demo.seed();
        assertEquals(contacts, count("SELECT count(*) FROM contact"), "a second start writes nothing");
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }
}
