package io.guanxi.crm.lead;

import io.guanxi.crm.contact.ContactHandedOver;
import io.guanxi.crm.notification.Notice;
import io.guanxi.crm.notification.NotificationKind;
import io.guanxi.crm.notification.Notifications;
import io.guanxi.crm.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer's open leads go with the customer: never left with the previous owner (who would then get
 * 404 on the contact). The new owner hears of each lead, the previous one that it went elsewhere.
 */
@ApplicationScoped
public class LeadHandover {

    @Inject
    LeadHandoverRepository leads;

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    void onContactHandedOver(@Observes ContactHandedOver event) {
        List<Tuple> moved = leads.carry(event.contactId(), event.toOwner(), event.actorName(), event.note(), clock.instant());
        Map<String, String> params = event.note() == null ? Map.of() : Map.of("reason", event.note());
        List<Notice> notices = new ArrayList<>();
        for (Tuple row : moved) {
            UUID lead = Rows.uuid(row, "id");
            notices.add(Notice.of(event.toOwner(), NotificationKind.LEAD_ASSIGNED, event.actorId()).withParams(params)
                    .aboutLead(lead).aboutContact(event.contactId()));
            UUID previous = Rows.uuid(row, "previous_owner");
            if (previous != null) {
                notices.add(Notice.of(previous, NotificationKind.LEAD_REASSIGNED_AWAY, event.actorId()).withParams(params)
                        .aboutLead(lead).aboutContact(event.contactId()));
            }
        }
        notifications.send(notices);
    }
}
