package io.guanxi.crm.survey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Invitation tokens: 192 bits from {@link SecureRandom}, base64url without padding (32 characters). */
final class SurveyTokens {

    static final int BYTES = 24;
    /** What a token can look like; anything else is answered as an unknown token without asking the database. */
    static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private SurveyTokens() {
    }

    static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
