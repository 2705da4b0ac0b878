package io.guanxi.crm.survey;

/**
 * What the survey feature publishes on purpose for other features' set-based SQL (churn risk reads detractors
 * from it). Another feature joins this derived table, never {@code survey_answer} directly; the columns below are
 * the contract.
 */
public final class SurveyReadModel {

    private SurveyReadModel() {
    }

    /**
     * A derived table, one row per NPS answer: {@code contact_id} (uuid), {@code answered_at} (timestamptz),
     * {@code score} (int, 0–10; a detractor is 0–6, {@code Nps.DETRACTOR_MAX}). Use as {@code FROM (…) AS alias} or
     * {@code JOIN (…) AS alias ON alias.contact_id = …}.
     */
    public static final String NPS_ANSWERS = """
            (SELECT a.contact_id AS contact_id, a.answered_at AS answered_at, a.score AS score
             FROM survey_answer a WHERE a.template = 'NPS')""";

    /**
     * {@link #NPS_ANSWERS} with each answer's id, for lists that link to the answer (the rows behind an analytics
     * figure): {@code id} (uuid, the invitation it answers), {@code contact_id} (uuid), {@code answered_at}
     * (timestamptz), {@code score} (int, 0–10). Use as {@code FROM (…) AS alias}.
     */
    public static final String NPS_ANSWER_RECORDS = """
            (SELECT a.invitation_id AS id, a.contact_id AS contact_id, a.answered_at AS answered_at, a.score AS score
             FROM survey_answer a WHERE a.template = 'NPS')""";

    /**
     * A derived table, one row per satisfaction (CSAT, 1–5) answer to the survey a closed complaint sent: {@code id}
     * (uuid, the invitation's), {@code contact_id} (uuid), {@code answered_at}
     * (timestamptz), {@code score} (int). Answers on the NPS scale (a policy may ask NPS after a complaint) are left
     * out: they are not satisfaction scores and count in NPS. Use as {@code FROM (…) AS alias}.
     */
    public static final String COMPLAINT_SATISFACTION = """
            (SELECT a.invitation_id AS id, a.contact_id AS contact_id, a.answered_at AS answered_at, a.score AS score
             FROM survey_answer a JOIN survey_invitation i ON i.id = a.invitation_id
             WHERE i.trigger = 'COMPLAINT_CLOSED' AND a.template = 'CSAT')""";
}
