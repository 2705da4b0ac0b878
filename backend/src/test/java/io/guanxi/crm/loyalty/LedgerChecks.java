package io.guanxi.crm.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads the ledger straight from PostgreSQL, to check what the API says against what is stored. */
final class LedgerChecks {

    private LedgerChecks() {
    }

    /** balance = sum of entries = what is left in the lots, never negative, and every entry's balanceAfter chains. */
    static long assertConsistent(DataSource db, String contactId) throws SQLException {
        try (Connection c = db.getConnection()) {
            long balance = single(c, "SELECT COALESCE((SELECT balance FROM loyalty_account WHERE contact_id = ?), 0)", contactId);
            long entries = single(c, "SELECT COALESCE(sum(points), 0) FROM points_entry WHERE contact_id = ?", contactId);
            long lots = single(c, "SELECT COALESCE(sum(remaining), 0) FROM points_lot WHERE contact_id = ?", contactId);
            assertEquals(entries, balance, "balance = sum of entries for " + contactId);
            assertEquals(lots, balance, "balance = what is left in the lots for " + contactId);
            assertTrue(balance >= 0);
            long broken = single(c, """
                    SELECT count(*) FROM (
                        SELECT balance_after, points, lag(balance_after, 1, 0::bigint) OVER (ORDER BY id) AS before
                        FROM points_entry WHERE contact_id = ?) t
                    WHERE balance_after <> before + points""", contactId);
            assertEquals(0, broken, "every entry's balanceAfter = the one before + its points");
            return balance;
        }
    }

    static long single(Connection c, String sql, String contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(contactId));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long count(DataSource db, String sql, String contactId) throws SQLException {
        try (Connection c = db.getConnection()) {
            return single(c, sql, contactId);
        }
    }
}
