package io.guanxi.crm.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Net Promoter Score: % promoters (9–10) − % detractors (0–6) of the NPS answers, −100 to 100, one decimal. Passives
 * (7–8) count in the total only. No answers: no score. The SQL in {@code SurveyRepository} counts the three groups
 * with {@link #PROMOTER_MIN} and {@link #DETRACTOR_MAX}; this class does the arithmetic for both.
 */
public final class Nps {

    public static final int PROMOTER_MIN = 9;
    public static final int DETRACTOR_MAX = 6;

    private Nps() {
    }

    public static boolean detractor(int score) {
        return score <= DETRACTOR_MAX;
    }

    /** The score of these counts, or null without answers. */
    public static BigDecimal score(long promoters, long passives, long detractors) {
        long total = promoters + passives + detractors;
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf((promoters - detractors) * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }
}
