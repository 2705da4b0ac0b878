package io.guanxi.crm.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** NPS arithmetic and the first-name rule on known sets. */
class NpsTest {

    private static BigDecimal npsOf(int... scores) {
        long promoters = 0;
        long passives = 0;
        long detractors = 0;
        for (int s : scores) {
            if (s >= 9) {
                promoters++;
            } else if (s >= 7) {
                passives++;
            } else {
                detractors++;
            }
        }
        return Nps.score(promoters, passives, detractors);
    }

    @Test
    void promotersMinusDetractorsInPercent() {
        assertNull(npsOf());
        assertEquals(new BigDecimal("100.0"), npsOf(9, 10, 10));
        assertEquals(new BigDecimal("-100.0"), npsOf(0, 6, 3));
        assertEquals(new BigDecimal("0.0"), npsOf(7, 8, 7));
        // 4 promoters, 3 passives, 3 detractors of 10: 40 % − 30 % = 10.
        assertEquals(new BigDecimal("10.0"), npsOf(10, 9, 9, 10, 8, 7, 7, 6, 0, 5));
        // 1 promoter, 1 passive, 1 detractor: 0; 2 promoters, 1 detractor of 3: 33.3.
        assertEquals(new BigDecimal("0.0"), npsOf(9, 8, 6));
        assertEquals(new BigDecimal("33.3"), npsOf(9, 10, 6));
        // The boundaries: 6 is a detractor, 7 and 8 passives, 9 a promoter.
        assertEquals(new BigDecimal("-50.0"), npsOf(6, 7));
        assertEquals(new BigDecimal("50.0"), npsOf(8, 9));
        assertEquals(new BigDecimal("-66.7"), npsOf(0, 1, 7));
    }

    @Test
    void aFirstNameOnlyWhenItCanBeTold() {
        assertNull(FirstNames.of("张伟"));
        assertNull(FirstNames.of("欧阳娜娜"));
        assertNull(FirstNames.of("Emma 李"));
        assertNull(FirstNames.of("Smith"));
        assertNull(FirstNames.of(null));
        assertEquals("Emma", FirstNames.of("Emma Li"));
        assertEquals("Jean-Luc", FirstNames.of("  Jean-Luc   Picard "));
    }
}
