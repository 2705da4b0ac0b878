package io.guanxi.crm.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A purpose personal information is processed for, with its legal basis (admin-defined). */
@Entity
@Table(name = "consent_purpose")
public class ConsentPurpose {

    @Id
    public UUID id;

    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis")
    public LegalBasis legalBasis;

    @Column(name = "profile_flag_grants")
    public boolean profileFlagGrants;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** The state of a customer the ledger has no entry from. */
    ConsentStatus unanswered(boolean profileFlag) {
        if (legalBasis != LegalBasis.CONSENT) {
            return ConsentStatus.NOT_REQUIRED;
        }
        return profileFlagGrants && profileFlag ? ConsentStatus.GRANTED_ON_PROFILE : ConsentStatus.NOT_GIVEN;
    }
}
