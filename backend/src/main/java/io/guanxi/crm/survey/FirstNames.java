package io.guanxi.crm.survey;

import java.util.regex.Pattern;

/**
 * The first name the public survey page may greet a customer by, or null. Chinese names are written surname
 * first (张伟, 欧阳娜娜) and addressing a customer by the bare given name is too familiar for a company, so a name
 * with Han characters gives none (the page greets without a name). A Latin-script name of two or more words gives
 * its first word (Emma Li → Emma); a single word gives none, because it may be a surname alone. Latin names
 * written surname first ("Zhang Wei") cannot be told apart and would greet "Zhang": the profile has no separate
 * given-name field yet.
 */
final class FirstNames {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'\\-]{0,39}");

    private FirstNames() {
    }

    static String of(String name) {
        if (name == null || HAN.matcher(name).find()) {
            return null;
        }
        String[] words = name.trim().split("\\s+");
        if (words.length < 2 || !WORD.matcher(words[0]).matches()) {
            return null;
        }
        return words[0];
    }
}
