package io.guanxi.crm.user;

import java.util.Locale;
import java.util.Set;

/** What a password must be: long, varied, not common and not the username. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("password", "passw0rd", "123456", "qwerty", "admin",
            "letmein", "welcome", "guanxi", "changeme", "iloveyou", "abc123", "111111", "000000");

    private PasswordPolicy() {
    }

    /** Null when the password is acceptable, else why it is not. */
    public static String weakness(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            return "must mix at least three of: lower case, upper case, digits, symbols";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return "must not contain the username";
        }
        for (String common : COMMON) {
            if (lower.replaceAll("[^a-z0-9]", "").equals(common)
                    || lower.startsWith(common) && lower.length() - common.length() <= 4) {
                return "is too common";
            }
        }
        return null;
    }
}
