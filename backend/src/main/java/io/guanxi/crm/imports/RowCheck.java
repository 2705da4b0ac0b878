package io.guanxi.crm.imports;

import io.guanxi.crm.contact.PhoneNumbers;
import io.guanxi.crm.contact.Region;
import io.guanxi.crm.contact.SourceChannel;
import io.guanxi.crm.contact.api.ContactImportDraft;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dry run of one row: the contact rules of ContactRequest and ContactService (name required, canonical mobile,
 * lower-case email, lengths, at most 20 tags of 32 characters, a birthday in the past), applied to text cells in
 * the forms Chinese spreadsheets use. Each problem is a code the web app translates, with the row and column.
 */
final class RowCheck {

    /** A problem of one cell: the row, the column (0-based), the field and the message code. */
    record Problem(int row, int column, ImportField field, String code) {
    }

    /** The row's contact, or null when it has problems; its owner when an owner column named one. */
    record Result(ContactImportDraft draft, UUID ownerId, List<Problem> problems) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern MONTH_DAY = Pattern.compile("(?:--)?(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern TAG_SPLIT = Pattern.compile("[,，;；、|/]");
    private static final Map<String, Region> REGIONS = Map.ofEntries(
            Map.entry("华东", Region.EAST), Map.entry("华北", Region.NORTH), Map.entry("华南", Region.SOUTH),
            Map.entry("华中", Region.CENTRAL), Map.entry("西南", Region.SOUTHWEST), Map.entry("西北", Region.NORTHWEST),
            Map.entry("东北", Region.NORTHEAST), Map.entry("港澳台", Region.HK_MACAO_TAIWAN), Map.entry("海外", Region.OVERSEAS),
            Map.entry("境外", Region.OVERSEAS));
    private static final Map<String, SourceChannel> SOURCES = Map.ofEntries(
            Map.entry("官网", SourceChannel.WEBSITE), Map.entry("网站", SourceChannel.WEBSITE), Map.entry("社群", SourceChannel.COMMUNITY),
            Map.entry("展会", SourceChannel.TRADE_SHOW), Map.entry("转介绍", SourceChannel.REFERRAL), Map.entry("推荐", SourceChannel.REFERRAL),
            Map.entry("介绍", SourceChannel.REFERRAL), Map.entry("广告", SourceChannel.ADVERTISING), Map.entry("外呼", SourceChannel.OUTBOUND),
            Map.entry("陌拜", SourceChannel.OUTBOUND), Map.entry("到店", SourceChannel.WALK_IN), Map.entry("自然到访", SourceChannel.WALK_IN),
            Map.entry("其他", SourceChannel.OTHER), Map.entry("其它", SourceChannel.OTHER));

    private RowCheck() {
    }

    /**
     * Checks a row's cells under the mapping (column index → field, null for an ignored column); {@code owners} are the
     * users an owner column may name (by display name, or lower-case username; empty when the name is ambiguous).
     */
    static Result check(int rowNo, List<String> cells, List<ImportField> mapping, LocalDate today, Map<String, Optional<UUID>> owners) {
        List<Problem> problems = new ArrayList<>();
        String name = null;
        String mobile = null;
        String email = null;
        String wechat = null;
        String company = null;
        String industry = null;
        Region region = null;
        String city = null;
        LocalDate birthday = null;
        String monthDay = null;
        List<String> tags = List.of();
        SourceChannel source = null;
        String needs = null;
        UUID ownerId = null;
        for (int col = 0; col < mapping.size(); col++) {
            ImportField field = mapping.get(col);
            if (field == null) {
                continue;
            }
            String raw = col < cells.size() ? cells.get(col) : null;
            String value = raw == null || raw.isBlank() ? null : raw.strip();
            if (value == null) {
                continue;
            }
            if (value.indexOf('\u0000') >= 0) {
                problems.add(new Problem(rowNo, col, field, "INVALID_TEXT"));
                continue;
            }
            switch (field) {
                case NAME -> name = bounded(value, 100, rowNo, col, field, problems);
                case MOBILE -> {
                    mobile = PhoneNumbers.normalise(value).orElse(null);
                    if (mobile == null) {
                        problems.add(new Problem(rowNo, col, field, "INVALID_MOBILE"));
                    }
                }
                case EMAIL -> {
                    email = value.toLowerCase(Locale.ROOT);
                    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                        problems.add(new Problem(rowNo, col, field, "INVALID_EMAIL"));
                        email = null;
                    }
                }
                case WECHAT_ID -> wechat = bounded(value, 64, rowNo, col, field, problems);
                case COMPANY -> company = bounded(value, 200, rowNo, col, field, problems);
                case INDUSTRY -> industry = bounded(value, 64, rowNo, col, field, problems);
                case CITY -> city = bounded(value, 64, rowNo, col, field, problems);
                case HIDDEN_NEEDS -> needs = bounded(value, 2000, rowNo, col, field, problems);
                case REGION -> {
                    region = region(value);
                    if (region == null) {
                        problems.add(new Problem(rowNo, col, field, "UNKNOWN_REGION"));
                    }
                }
                case SOURCE_CHANNEL -> {
                    source = source(value);
                    if (source == null) {
                        problems.add(new Problem(rowNo, col, field, "UNKNOWN_SOURCE"));
                    }
                }
                case TAGS -> {
                    LinkedHashSet<String> set = new LinkedHashSet<>();
                    for (String tag : TAG_SPLIT.split(value)) {
                        if (!tag.isBlank()) {
                            set.add(tag.strip());
                        }
                    }
                    if (set.size() > 20) {
                        problems.add(new Problem(rowNo, col, field, "TOO_MANY_TAGS"));
                    } else if (set.stream().anyMatch(t -> t.length() > 32)) {
                        problems.add(new Problem(rowNo, col, field, "TOO_LONG"));
                    } else {
                        tags = List.copyOf(set);
                    }
                }
                case BIRTHDAY -> {
                    LocalDate date = date(value);
                    if (date != null) {
                        if (!date.isBefore(today)) {
                            problems.add(new Problem(rowNo, col, field, "FUTURE_DATE"));
                        } else {
                            birthday = date;
                        }
                    } else {
                        monthDay = monthDay(value);
                        if (monthDay == null) {
                            problems.add(new Problem(rowNo, col, field, "INVALID_DATE"));
                        }
                    }
                }
                case OWNER -> {
                    Optional<UUID> owner = owners.getOrDefault(value, owners.get(value.toLowerCase(Locale.ROOT)));
                    if (owner == null) {
                        problems.add(new Problem(rowNo, col, field, "UNKNOWN_OWNER"));
                    } else if (owner.isEmpty()) {
                        problems.add(new Problem(rowNo, col, field, "AMBIGUOUS_OWNER"));
                    } else {
                        ownerId = owner.get();
                    }
                }
                default -> throw new IllegalStateException(field.name());
            }
        }
        if (name == null && problems.stream().noneMatch(p -> p.field() == ImportField.NAME)) {
            int col = mapping.indexOf(ImportField.NAME);
            problems.add(new Problem(rowNo, col, ImportField.NAME, "REQUIRED"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, null, problems);
        }
        return new Result(new ContactImportDraft(name, mobile, email, wechat, company, industry, region, city, birthday, monthDay, tags,
                source, needs), ownerId, List.of());
    }

    private static String bounded(String value, int max, int row, int col, ImportField field, List<Problem> problems) {
        if (value.length() > max) {
            problems.add(new Problem(row, col, field, "TOO_LONG"));
            return null;
        }
        return value;
    }

    /** 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105; null when not such a date. */
    static LocalDate date(String value) {
        Matcher m = YMD.matcher(value);
        if (!m.matches()) {
            m = COMPACT.matcher(value);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A birthday without its year: 1月5日, 01-05, --01-05, as --MM-DD. */
    static String monthDay(String value) {
        Matcher m = MONTH_DAY.matcher(value);
        if (!m.matches()) {
            return null;
        }
        try {
            return MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Region region(String value) {
        Region region = REGIONS.get(value.replace("地区", "").replace("区", ""));
        if (region == null) {
            region = REGIONS.get(value);
        }
        if (region != null) {
            return region;
        }
        String key = value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Region r : Region.values()) {
            if (r.name().equals(key)) {
                return r;
            }
        }
        return null;
    }

    private static SourceChannel source(String value) {
        SourceChannel source = SOURCES.get(value);
        if (source != null) {
            return source;
        }
        String key = value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (SourceChannel s : SourceChannel.values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        return null;
    }
}
