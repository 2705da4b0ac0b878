package io.guanxi.crm.survey;

import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.activity.RuleActivities.PlannedActivity;
import io.guanxi.crm.activity.RuleActivity;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.survey.api.PublicSurveyResponse;
import io.guanxi.crm.survey.api.SurveyAnswerRequest;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The survey as the customer sees it through their personal link, without signing in. It reveals the question,
 * the customer's first name (when it can be told, see {@link FirstNames}) and the company's name, nothing more. An
 * unknown token is 404; a used, expired or archived customer's one is answered the same way whichever it is
 * (410 to read, 409 to answer). A detractor's answer (NPS 0–6) puts a call-back on the owner's list, due today.
 */
@ApplicationScoped
public class PublicSurveys {

    static final int COMMENT_MAX = 1000;

    @Inject
    Event<SurveyAnswered> answered;

    @Inject
    SurveyRepository repository;

    @Inject
    SurveyRateLimiter limiter;

    @Inject
    SurveySettings settings;

    @Inject
    RuleActivities activities;

    @Inject
    UserService users;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Transactional
    public PublicSurveyResponse read(String token, String address) {
        limiter.admit(address, token);
        Tuple invitation = open(token, 410);
        SurveyTemplate template = Rows.enumValue(invitation, "template", SurveyTemplate.class);
        return new PublicSurveyResponse(template, template.min(), template.max(), COMMENT_MAX,
                FirstNames.of(Rows.string(invitation, "name")), settings.companyName());
    }

    @Transactional
    public void answer(String token, SurveyAnswerRequest answer, String address) {
        limiter.admit(address, token);
        Tuple invitation = open(token, 409);
        SurveyTemplate template = Rows.enumValue(invitation, "template", SurveyTemplate.class);
        int score = answer.score();
        if (!template.accepts(score)) {
            throw ProblemException.invalidField("score", "must be between " + template.min() + " and " + template.max());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String comment = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
        if (!repository.answer(Rows.uuid(invitation, "id"), score, comment, now)) {
            throw closed(409);
        }
        UUID contactId = Rows.uuid(invitation, "contact_id");
        if (template == SurveyTemplate.NPS && Nps.detractor(score)) {
            callBack(contactId, Rows.uuid(invitation, "owner_id"), score, now);
        }
        answered.fire(new SurveyAnswered(contactId, template, score, now));
    }

    /** The owner calls a detractor back today (high priority); not when no one who sells holds the customer. */
    private void callBack(UUID contactId, UUID ownerId, int score, Instant now) {
        if (ownerId == null || !users.mayOwnCustomers(ownerId)) {
            return;
        }
        ZoneId zone = ZoneId.of(config.zone());
        RuleActivity activity = RuleActivity.forContactOn(ownerId, contactId, LocalDate.ofInstant(now, zone), zone);
        activities.scheduleEach(ActivityRule.SURVEY_DETRACTOR,
                List.of(new PlannedActivity(Ids.newId(), activity, Map.of("score", Integer.toString(score)))), now);
    }

    /** The invitation if it can still be answered; 404 for an unknown token, {@code closedStatus} for a used or expired one. */
    private Tuple open(String token, int closedStatus) {
        if (token == null || !SurveyTokens.SHAPE.matcher(token).matches()) {
            throw unknown();
        }
        Tuple invitation = repository.byToken(token).orElseThrow(PublicSurveys::unknown);
        if (Boolean.TRUE.equals(Rows.bool(invitation, "answered")) || Boolean.TRUE.equals(Rows.bool(invitation, "archived"))
                || !Rows.instant(invitation, "expires_at").isAfter(clock.instant())) {
            throw closed(closedStatus);
        }
        return invitation;
    }

    private static ProblemException unknown() {
        // Never the token itself: an error does not echo input back.
        return ProblemException.notFound("The survey");
    }

    private static ProblemException closed(int status) {
        return new ProblemException(status, ProblemTypes.SURVEY_CLOSED, "Survey closed",
                "This survey has already been answered or has expired");
    }
}
