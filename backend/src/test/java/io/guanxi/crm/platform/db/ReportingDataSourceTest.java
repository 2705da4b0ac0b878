package io.guanxi.crm.platform.db;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.HttpServer;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The `reporting` datasource analytics may point at a replica (docs/operations.md): by default the main database,
 * read-only on every connection, and left out of readiness so a lagging replica never takes the service out.
 */
@QuarkusTest
class ReportingDataSourceTest {

    @Inject
    AgroalDataSource main;

    @Inject
    @DataSource("reporting")
    AgroalDataSource reporting;

    @Inject
    HttpServer server;

    @Test
    void defaultsToTheMainDatabaseAndIsReadOnly() throws SQLException {
        assertEquals(scalar(main, "SELECT current_database() || ':' || inet_server_port()"),
                scalar(reporting, "SELECT current_database() || ':' || inet_server_port()"));
        assertEquals("on", scalar(reporting, "SHOW default_transaction_read_only"));
        assertEquals("off", scalar(main, "SHOW default_transaction_read_only"));
        SQLException refused = assertThrows(SQLException.class,
                () -> scalar(reporting, "CREATE TABLE reporting_must_not_write (id int)"));
        // 25006: read_only_sql_transaction
        assertEquals("25006", refused.getSQLState());
    }

    @Test
    void readinessDoesNotDependOnIt() {
        given().get("http://localhost:" + server.getManagementPort() + "/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(not(containsString("reporting")));
    }

    private static String scalar(AgroalDataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
