package io.guanxi.crm.platform.privacy;

/**
 * Personal values shown masked (issue 19 item 7): enough to recognise a person on the phone, not enough to
 * call or write to them. Used by every response that lists people and by the audit trail's field changes.
 */
public final class Masks {

    private Masks() {
    }

    /** 13800138000 → 138****8000; +447911123456 → +44*******3456; short numbers keep only their last two digits. */
    public static String mobile(String mobile) {
        if (mobile == null || mobile.isEmpty()) {
            return mobile;
        }
        if (mobile.length() < 8) {
            return "*".repeat(Math.max(0, mobile.length() - 2)) + mobile.substring(Math.max(0, mobile.length() - 2));
        }
        return mobile.substring(0, 3) + "*".repeat(mobile.length() - 7) + mobile.substring(mobile.length() - 4);
    }

    /** zhang.wei@example.com → z***@example.com. */
    public static String email(String email) {
        if (email == null || email.isEmpty()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return email.charAt(0) + "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** 张伟 → 张*, 欧阳娜娜 → 欧***; the first character stays, so a list still reads as people. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** A value that is recorded only as "present" (free text, WeChat id, birthday): *** or null. */
    public static String hidden(String value) {
        return value == null || value.isEmpty() ? value : "***";
    }
}
