package io.guanxi.crm.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.lead.api.ScorePreview;
import io.guanxi.crm.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes lead scores set-based ({@link LeadScoreRepository} holds the SQL): one statement computes match points from the policy's JSON rules,
 * counts interactions in the window, updates only leads whose score inputs changed and records a
 * history row for every score that moved. Used for one lead (after an edit or an interaction) and for
 * all open leads (policy change, sliding window) alike, so there is one implementation of the write.
 */
@ApplicationScoped
public class LeadRescoring {

    @Inject
    LeadScoreRepository scores;


    @Inject
    ObjectMapper objectMapper;

    /** Rescores these open leads; returns how many history rows were written. */
    public int rescore(Collection<UUID> leadIds, int policyVersion, ScoreCause cause, Instant now) {
        if (leadIds.isEmpty()) {
            return 0;
        }
        return run(false, leadIds.stream().map(UUID::toString).collect(Collectors.joining(",")), policyVersion, cause, now);
    }

    /** Rescores every open lead (policy change, sliding window). */
    public int rescoreAllOpen(int policyVersion, ScoreCause cause, Instant now) {
        return run(true, "", policyVersion, cause, now);
    }

    /** What rescoring every open lead with the candidate would change, against the policy in force. */
    public ScorePreview preview(LeadScoringPolicy candidate, LeadScoringPolicy inForce, Instant now) {
        Tuple row = scores.preview(new LeadScoreRepository.Candidate(json(candidate.matchRules), candidate.activityWindowDays,
                candidate.pointsPerInteraction, candidate.activityCap, candidate.matchWeight, candidate.activityWeight,
                candidate.priorityThreshold, candidate.highValueThreshold), inForce.priorityThreshold,
                inForce.highValueThreshold, now);
        return new ScorePreview(inForce.version, Rows.longValue(row, "leads"), Rows.longValue(row, "changed"),
                candidate.priorityThreshold, Rows.longValue(row, "priority_before"), Rows.longValue(row, "priority_after"),
                Rows.longValue(row, "priority_gained"), Rows.longValue(row, "priority_lost"), candidate.highValueThreshold,
                Rows.longValue(row, "high_value_before"), Rows.longValue(row, "high_value_after"),
                Rows.longValue(row, "high_value_gained"), Rows.longValue(row, "high_value_lost"));
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int run(boolean allLeads, String ids, int policyVersion, ScoreCause cause, Instant now) {
        return scores.rescore(allLeads, ids, policyVersion, cause, now);
    }
}
