package io.guanxi.crm.lead;

import io.guanxi.crm.contact.CapturedPerson;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.contact.SourceChannel;
import io.guanxi.crm.contact.api.ContactRequest;
import io.guanxi.crm.lead.api.LeadCaptureRequest;
import io.guanxi.crm.lead.api.LeadCaptureResponse;
import io.guanxi.crm.lead.api.LeadCaptureResponse.Outcome;
import io.guanxi.crm.lead.api.LeadRequest;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.User;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Website-form capture (SPEC §3): deduplicated team-wide by canonical mobile and email against contacts
 * and their open leads. A new person becomes a POTENTIAL contact held by the integrator until the
 * assignment rules (or a rep claiming from the queue) give the lead an owner; a known customer's new
 * lead goes to the customer's owner.
 */
@ApplicationScoped
public class LeadCapture {

    @Inject
    ContactService contacts;

    @Inject
    LeadCaptureMapper mapper;

    @Inject
    LeadRepository leads;

    @Inject
    LeadService leadService;

    @Inject
    UserService users;

    @Transactional
    public LeadCaptureResponse capture(LeadCaptureRequest form) {
        if (blank(form.mobile()) && blank(form.email())) {
            throw ProblemException.invalidField("mobile", "give a mobile or an email, so the person can be reached");
        }
        SourceChannel source = form.sourceChannel() == null ? SourceChannel.WEBSITE : form.sourceChannel();
        ContactRequest person = mapper.toContactRequest(form, source);
        lockPerson(ContactService.reachKeys(person));
        LeadRequest lead = mapper.toLeadRequest(form, source);
        Optional<CapturedPerson> known = contacts.findCapturedPerson(person);
        if (known.isEmpty()) {
            var contactId = contacts.create(person, true).id();
            return new LeadCaptureResponse(leadService.newLead(contactId, lead, null, null, null).id, Outcome.NEW_PERSON);
        }
        CapturedPerson existing = known.get();
        List<java.util.UUID> open = leads.openLeadIdsOfContact(existing.id());
        if (!open.isEmpty()) {
            return new LeadCaptureResponse(open.get(0), Outcome.ALREADY_OPEN);
        }
        User owner = users.find(existing.ownerId());
        boolean ownerWorksLeads = owner.active && (owner.roles.contains(Role.SALES_REP) || owner.roles.contains(Role.MANAGER));
        Lead created = ownerWorksLeads
                ? leadService.newLead(existing.id(), lead, owner.id, AssignmentKind.EXISTING_CUSTOMER,
                        owner.displayName)
                : leadService.newLead(existing.id(), lead, null, null, null);
        return new LeadCaptureResponse(created.id, Outcome.EXISTING_CONTACT);
    }

    /** Two submissions of one person at once must not create two contacts: serialise on mobile and email. */
    private void lockPerson(List<String> sortedKeys) {
        for (String key : sortedKeys) {
            leads.lockCapture(key);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
