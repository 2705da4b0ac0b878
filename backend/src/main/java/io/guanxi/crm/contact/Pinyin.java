package io.guanxi.crm.contact;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless pinyin of a name, for search by full pinyin ("zhangwei") or initials ("zw"). A character
 * with several readings takes its first one, except the surname readings that differ from the
 * common reading (曾 zeng, 单 shan, 仇 qiu …), which apply to the first character.
 */
public final class Pinyin {

    /** Full pinyin and initials of a name. */
    public record Reading(String full, String initials) {
    }

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final Map<Character, String> SURNAME_READINGS = Map.ofEntries(
            Map.entry('曾', "zeng"), Map.entry('单', "shan"), Map.entry('仇', "qiu"), Map.entry('区', "ou"),
            Map.entry('解', "xie"), Map.entry('查', "zha"), Map.entry('朴', "piao"), Map.entry('翟', "zhai"),
            Map.entry('覃', "qin"), Map.entry('乐', "yue"), Map.entry('盖', "ge"), Map.entry('尉', "yu"),
            Map.entry('缪', "miao"), Map.entry('沈', "shen"), Map.entry('秘', "bi"), Map.entry('重', "chong"),
            Map.entry('长', "chang"), Map.entry('万', "wan"), Map.entry('贾', "jia"), Map.entry('柏', "bai"),
            Map.entry('召', "shao"), Map.entry('宁', "ning"), Map.entry('薄', "bo"), Map.entry('种', "chong"));

    /** A character's reading ("" for none): pinyin4j formats each lookup anew (regular expressions), an import asks 10⁵ times. */
    private static final Map<Character, String> READINGS = new ConcurrentHashMap<>();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    public static Reading of(String name) {
        StringBuilder full = new StringBuilder();
        StringBuilder initials = new StringBuilder();
        boolean inLatinWord = false;
        String trimmed = name == null ? "" : name.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            String syllable = i == 0 && SURNAME_READINGS.containsKey(c) ? SURNAME_READINGS.get(c) : reading(c);
            if (syllable != null) {
                full.append(syllable);
                initials.append(syllable.charAt(0));
                inLatinWord = false;
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                char lower = Character.toLowerCase(c);
                full.append(lower);
                if (!inLatinWord) {
                    initials.append(lower);
                }
                inLatinWord = true;
            } else {
                inLatinWord = false;
            }
        }
        return new Reading(full.toString(), initials.toString());
    }

    private static String reading(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return null;
        }
        String reading = READINGS.computeIfAbsent(c, Pinyin::lookUp);
        return reading.isEmpty() ? null : reading;
    }

    private static String lookUp(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? "" : readings[0].toLowerCase(Locale.ROOT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
