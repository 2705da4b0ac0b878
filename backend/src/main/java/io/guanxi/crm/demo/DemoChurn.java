package io.guanxi.crm.demo;

import io.guanxi.crm.churn.ChurnCause;
import io.guanxi.crm.churn.ChurnMethod;
import io.guanxi.crm.churn.ChurnReviews;
import io.guanxi.crm.churn.ChurnService;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Demo churn: ten customers churned last month — most with a cause and an analysis, three still to be
 * investigated — and last month's review, so the monthly churn review page has something to show.
 */
@ApplicationScoped
public class DemoChurn {

    private record Churn(ChurnCause cause, String note) {
    }

    private static final List<Churn> CHURNS = List.of(
            new Churn(ChurnCause.COMPETITOR, "竞争对手报价低 15%，我们三个月没有回访"),
            new Churn(ChurnCause.PRICE, "续费涨价后客户转向更便宜的方案"),
            new Churn(ChurnCause.MOVED, "公司迁往成都，不再需要本地服务"),
            new Churn(ChurnCause.COMPLAINT_UNRESOLVED, "物流投诉两次未解决，客户失去信任"),
            new Churn(ChurnCause.SERVICE, "客服响应慢，问题拖了两周"),
            new Churn(ChurnCause.NEED_ENDED, "项目结束，暂无采购需求"),
            new Churn(ChurnCause.QUALITY, null),
            new Churn(null, null),
            new Churn(null, null),
            new Churn(null, null));

    @Inject
    DemoRepository demo;

    @Inject
    ChurnService churn;

    @Inject
    ChurnReviews reviews;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    public void seed() {
        ZoneId zone = ZoneId.of(config.zone());
        Instant now = clock.instant();
        LocalDate lastMonth = YearMonth.from(LocalDate.ofInstant(now, zone)).minusMonths(1).atDay(1);
        QuarkusTransaction.requiringNew().run(() -> {
            List<UUID> customers = demo.customersToChurn(CHURNS.size());
            for (int i = 0; i < customers.size(); i++) {
                Churn c = CHURNS.get(i);
                Instant at = lastMonth.plusDays(2 + 2L * i).atTime(10, 0).atZone(zone).toInstant();
                churn.churn(List.of(customers.get(i)), i % 3 == 0 ? ChurnMethod.HAND : ChurnMethod.RULE, null, c.cause(), c.note(), at);
            }
        });
        reviews.produceDue(now);
    }
}
