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

    /** The business time zone the months of {@link #NPS_BY_OWNER_MONTH} are counted in (V57). */
    public static final String NPS_BY_OWNER_MONTH_ZONE = "Asia/Shanghai";

    /**
     * A derived table, the NPS answers counted per their customer's owner now and calendar month of answering
     * ({@link #NPS_BY_OWNER_MONTH_ZONE}), kept fresh in the transaction that writes answers or changes a customer's owner
     * (V57): {@code owner_id} (uuid), {@code month} (date, the month's first day), {@code promoters} (scores from
     * {@code Nps.PROMOTER_MIN}), {@code passives}, {@code detractors} (scores up to {@code Nps.DETRACTOR_MAX}), all bigint.
     * The same answers as {@link #NPS_ANSWERS}. Use as {@code FROM (…) AS alias}.
     */
    public static final String NPS_BY_OWNER_MONTH = """
            (SELECT r.owner_id AS owner_id, r.month AS month, r.promoters AS promoters, r.passives AS passives,
                    r.detractors AS detractors
             FROM nps_answer_month r)""";

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
