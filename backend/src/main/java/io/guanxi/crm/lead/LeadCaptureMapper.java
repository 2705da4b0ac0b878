package io.guanxi.crm.lead;

import io.guanxi.crm.contact.SourceChannel;
import io.guanxi.crm.contact.api.ContactRequest;
import io.guanxi.crm.lead.api.LeadCaptureRequest;
import io.guanxi.crm.lead.api.LeadRequest;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

/**
 * A captured form as the contact and the lead it becomes. What a form does not ask is left empty on
 * purpose, named here rather than passed as a row of positional nulls.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface LeadCaptureMapper {

    /** A new person starts POTENTIAL, untagged, owned by the capturing integrator until the lead is assigned. */
    @Mapping(target = "name", source = "form.name")
    @Mapping(target = "mobile", source = "form.mobile")
    @Mapping(target = "email", source = "form.email")
    @Mapping(target = "company", source = "form.company")
    @Mapping(target = "industry", source = "form.industry")
    @Mapping(target = "region", source = "form.region")
    @Mapping(target = "marketingConsent", source = "form.marketingConsent")
    @Mapping(target = "sourceChannel", source = "source")
    @Mapping(target = "lifecycleStage", constant = "POTENTIAL")
    @Mapping(target = "tags", expression = "java(java.util.List.of())")
    @Mapping(target = "wechatId", ignore = true)
    @Mapping(target = "city", ignore = true)
    @Mapping(target = "birthday", ignore = true)
    @Mapping(target = "birthMonthDay", ignore = true)
    @Mapping(target = "preferredChannel", ignore = true)
    @Mapping(target = "hiddenNeeds", ignore = true)
    @Mapping(target = "personalityType", ignore = true)
    @Mapping(target = "ownerId", ignore = true)
    @Mapping(target = "referredById", ignore = true)
    ContactRequest toContactRequest(LeadCaptureRequest form, SourceChannel source);

    /** A NEW lead about the captured person; the form's message becomes the lead's notes. */
    @Mapping(target = "sourceChannel", source = "source")
    @Mapping(target = "productInterest", source = "form.productInterest")
    @Mapping(target = "industry", source = "form.industry")
    @Mapping(target = "region", source = "form.region")
    @Mapping(target = "budget", source = "form.budget")
    @Mapping(target = "notes", source = "form.message")
    @Mapping(target = "status", constant = "NEW")
    @Mapping(target = "contactId", ignore = true)
    @Mapping(target = "newContact", ignore = true)
    @Mapping(target = "lostReason", ignore = true)
    @Mapping(target = "lostReasonCode", ignore = true)
    @Mapping(target = "ownerId", ignore = true)
    LeadRequest toLeadRequest(LeadCaptureRequest form, SourceChannel source);
}
