package io.guanxi.crm.contact;

import io.guanxi.crm.contact.api.QuietCustomer;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.paging.Slice;
import io.guanxi.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Published for the today page: the caller's own customers gone quiet (they own them, so they see them). */
@ApplicationScoped
public class QuietCustomers {

    @Inject
    QuietCustomerRepository repository;

    @Inject
    CurrentUser currentUser;

    @Transactional
    public Slice<QuietCustomer> mine(Instant since, int limit) {
        return Slice.of(repository.count(currentUser.id(), since), repository.quiet(currentUser.id(), since, limit).stream()
                .map(r -> new QuietCustomer(Rows.uuid(r, "id"), Rows.string(r, "name"), Rows.instant(r, "last_contacted_at")))
                .toList());
    }
}
