package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.platform.db.Reporting;
import io.guanxi.crm.platform.db.Rows;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

/** Runs the statements behind figures that a section hands over: counting, paging and streaming the rows behind a figure. */
@ApplicationScoped
public class AnalyticsRepository {

    /** Rows fetched per round trip while an export streams. */
    private static final int FETCH_SIZE = 1_000;

    @Inject
    @PersistenceUnit(Reporting.UNIT)
    EntityManager em;

    long count(DrillQuery drill) {
        return Rows.longValue(Rows.one(bind(em.createNativeQuery("SELECT count(*) AS n FROM (" + drill.sql() + ") AS d", Tuple.class),
                drill)), "n");
    }

    List<Tuple> page(DrillQuery drill, int offset, int limit) {
        return Rows.list(bind(em.createNativeQuery("SELECT * FROM (" + drill.sql() + ") AS d ORDER BY d.at DESC NULLS LAST, d.id"
                + " LIMIT :drillLimit OFFSET :drillOffset", Tuple.class), drill)
                .setParameter("drillLimit", limit).setParameter("drillOffset", offset));
    }

    /** Every row, in the page order, fetched in batches; the caller closes the stream inside its transaction. */
    @SuppressWarnings("unchecked")
    Stream<Tuple> stream(DrillQuery drill, int max) {
        // The reporting datasource is not enlisted in JTA (its connections autocommit), and PostgreSQL's driver fetches
        // in batches only inside a transaction: without this a 10⁶-row export would be read into memory whole. Read-only
        // (default_transaction_read_only), so nothing is left to commit; the pool resets autocommit when it takes the
        // connection back.
        em.unwrap(Session.class).doWork(connection -> {
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
            }
        });
        return bind(em.createNativeQuery("SELECT * FROM (" + drill.sql() + ") AS d ORDER BY d.at DESC NULLS LAST, d.id LIMIT :drillLimit",
                Tuple.class), drill).setParameter("drillLimit", max).setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream();
    }

    private static Query bind(Query query, DrillQuery drill) {
        drill.params().forEach(query::setParameter);
        return query;
    }
}
