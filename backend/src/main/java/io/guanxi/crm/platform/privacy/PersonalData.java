package io.guanxi.crm.platform.privacy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one feature holds about a customer, for PIPL rights requests (issue 19): each feature that stores
 * personal data implements this once over its own tables (dependency inversion: the privacy feature
 * collects every implementation without depending on the features). A customer's access export is the
 * union of every section; an erasure anonymises each feature's rows while ids, amounts and ledger entries
 * stay, so the books still add up.
 */
public interface PersonalData {

    /** The section's key in an export ({@code "profile"}, {@code "interactions"}, …), unique, camelCase. */
    String section();

    /** Everything this feature holds about the customer, one map of column → value per row, oldest first. */
    List<Map<String, Object>> export(UUID contactId);

    /**
     * Erases or redacts the customer's personal data in this feature's rows (names, numbers, free text),
     * keeping ids, amounts, points and dates; idempotent. Runs in the caller's transaction.
     *
     * @return the rows changed
     */
    int anonymise(UUID contactId);
}
