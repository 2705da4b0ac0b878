package io.guanxi.crm.contact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mobile numbers in one canonical form, so that "138 0013 8000", "+86 138-0013-8000" and
 * "13800138000" are the same customer: mainland numbers as their 11 digits, others as +digits.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{6,14}");

    private PhoneNumbers() {
    }

    /** The canonical form, or empty when the input is not a mobile number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw.trim()).replaceAll("");
        if (compact.startsWith("0086")) {
            compact = "+86" + compact.substring(4);
        }
        if (compact.startsWith("+86")) {
            compact = compact.substring(3);
        }
        if (MAINLAND_MOBILE.matcher(compact).matches()) {
            return Optional.of(compact);
        }
        if (INTERNATIONAL.matcher(compact).matches()) {
            return Optional.of(compact);
        }
        return Optional.empty();
    }

    /** The digits of a search query that looks like (part of) a phone number, else empty. */
    public static Optional<String> searchDigits(String query) {
        String compact = SEPARATORS.matcher(query).replaceAll("").replaceFirst("^\\+", "");
        return compact.matches("\\d+") ? Optional.of(compact) : Optional.empty();
    }
}
