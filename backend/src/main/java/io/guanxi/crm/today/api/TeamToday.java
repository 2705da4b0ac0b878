package io.guanxi.crm.today.api;

import io.guanxi.crm.activity.api.OnTime;
import io.guanxi.crm.activity.api.TeamLoad;
import io.guanxi.crm.lead.api.LeadReach;
import io.guanxi.crm.lead.api.WaitingLead;
import io.guanxi.crm.platform.paging.Slice;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TeamToday")
public record TeamToday(
        @Schema(required = true, description = "Who has overdue activities, most first") List<TeamLoad> overdueByPerson,
        @Schema(required = true, description = "Open leads nobody owns, highest score first") Slice<WaitingLead> unassignedLeads,
        @Schema(required = true, description = "Leads assigned in the last 7 days and how many were reached within 24 hours")
        LeadReach leadReach,
        @Schema(required = true, description = "Activities due since Monday and how many were done in time") OnTime onTime) {
}
