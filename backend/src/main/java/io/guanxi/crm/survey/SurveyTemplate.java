package io.guanxi.crm.survey;

/** The two questions a survey asks: NPS (0–10, "how likely are you to recommend us") and CSAT (1–5, "how satisfied are you"). */
public enum SurveyTemplate {
    NPS(0, 10),
    CSAT(1, 5);

    private final int min;
    private final int max;

    SurveyTemplate(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int score) {
        return score >= min && score <= max;
    }
}
