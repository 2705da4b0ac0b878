package io.guanxi.crm.consent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query and write on {@code consent_purpose}. */
@ApplicationScoped
public class ConsentPurposeRepository implements PanacheRepositoryBase<ConsentPurpose, UUID> {

    List<ConsentPurpose> all() {
        return list("order by code");
    }

    Optional<ConsentPurpose> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
