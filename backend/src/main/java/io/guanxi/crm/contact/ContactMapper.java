package io.guanxi.crm.contact;

import io.guanxi.crm.contact.api.ContactRequest;
import io.guanxi.crm.contact.api.ContactResponse;
import io.guanxi.crm.platform.privacy.Masks;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI, imports = Masks.class)
public interface ContactMapper {

    @Mapping(target = "ownerName", source = "ownerName")
    @Mapping(target = "abcTier", source = "abcTier")
    @Mapping(target = "membershipLevel", source = "membershipLevel")
    @Mapping(target = "missingFields", expression = "java(Completeness.missingFields(contact))")
    @Mapping(target = "id", source = "contact.id")
    @Mapping(target = "version", source = "contact.version")
    @Mapping(target = "referredByName", source = "referredByName")
    @Mapping(target = "mobile", expression = "java(reachMasked ? Masks.mobile(contact.mobile) : contact.mobile)")
    @Mapping(target = "email", expression = "java(reachMasked ? Masks.email(contact.email) : contact.email)")
    @Mapping(target = "reachMasked", source = "reachMasked")
    ContactResponse toResponse(Contact contact, String ownerName, String abcTier, String membershipLevel, String referredByName,
            boolean reachMasked);

    /** Copies the editable fields; normalisation and server-owned fields are the service's job. */
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "namePinyin", ignore = true)
    @Mapping(target = "nameInitials", ignore = true)
    @Mapping(target = "mobile", ignore = true)
    @Mapping(target = "email", ignore = true)
    @Mapping(target = "tags", ignore = true)
    @Mapping(target = "ownerId", ignore = true)
    @Mapping(target = "lifecycleStage", ignore = true)
    @Mapping(target = "marketingConsent", ignore = true)
    @Mapping(target = "referredById", ignore = true)
    @Mapping(target = "lastContactedAt", ignore = true)
    @Mapping(target = "completeness", ignore = true)
    @Mapping(target = "archivedAt", ignore = true)
    @Mapping(target = "anonymisedAt", ignore = true)
    @Mapping(target = "mergedIntoId", ignore = true)
    @Mapping(target = "mergedAt", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "version", ignore = true)
    void copyEditableFields(ContactRequest request, @MappingTarget Contact contact);
}
