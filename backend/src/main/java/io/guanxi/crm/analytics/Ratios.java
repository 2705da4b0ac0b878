package io.guanxi.crm.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios as the API gives them: 0–1 with four decimals, empty when there is nothing to divide by. */
public final class Ratios {

    private Ratios() {
    }

    public static BigDecimal of(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    public static BigDecimal of(BigDecimal part, BigDecimal whole) {
        return part == null || whole == null || whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    public static BigDecimal count(long value) {
        return BigDecimal.valueOf(value);
    }
}
