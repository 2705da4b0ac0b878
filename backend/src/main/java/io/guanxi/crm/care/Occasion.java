package io.guanxi.crm.care;

/**
 * The occasions care is about (000 ch.3; SPEC §8): a customer's own (birthday, first-purchase
 * anniversary) and the holidays, solar on a fixed date and lunar on a date of the Chinese calendar.
 * The names are what a greeting to the customer says, in Chinese and in English.
 */
public enum Occasion {
    BIRTHDAY(Calendar.PERSONAL, 0, 0, "生日", "your birthday"),
    PURCHASE_ANNIVERSARY(Calendar.PERSONAL, 0, 0, "合作周年纪念日", "our anniversary together"),
    NEW_YEAR(Calendar.SOLAR, 1, 1, "元旦", "the New Year"),
    WOMENS_DAY(Calendar.SOLAR, 3, 8, "妇女节", "Women's Day"),
    LABOUR_DAY(Calendar.SOLAR, 5, 1, "劳动节", "Labour Day"),
    NATIONAL_DAY(Calendar.SOLAR, 10, 1, "国庆节", "National Day"),
    SPRING_FESTIVAL(Calendar.LUNAR, 1, 1, "春节", "the Spring Festival"),
    LANTERN_FESTIVAL(Calendar.LUNAR, 1, 15, "元宵节", "the Lantern Festival"),
    DRAGON_BOAT(Calendar.LUNAR, 5, 5, "端午节", "the Dragon Boat Festival"),
    QIXI(Calendar.LUNAR, 7, 7, "七夕", "Qixi"),
    MID_AUTUMN(Calendar.LUNAR, 8, 15, "中秋节", "the Mid-Autumn Festival"),
    DOUBLE_NINTH(Calendar.LUNAR, 9, 9, "重阳节", "the Double Ninth Festival");

    /** Which calendar fixes the date: the customer's own dates, the Gregorian one, or the Chinese one. */
    public enum Calendar { PERSONAL, SOLAR, LUNAR }

    private final Calendar calendar;
    private final int month;
    private final int day;
    private final String nameZh;
    private final String nameEn;

    Occasion(Calendar calendar, int month, int day, String nameZh, String nameEn) {
        this.calendar = calendar;
        this.month = month;
        this.day = day;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public Calendar calendar() {
        return calendar;
    }

    public boolean holiday() {
        return calendar != Calendar.PERSONAL;
    }

    /** The month of its calendar (lunar month for a lunar holiday); 0 for a personal occasion. */
    public int month() {
        return month;
    }

    public int day() {
        return day;
    }

    String nameZh() {
        return nameZh;
    }

    String nameEn() {
        return nameEn;
    }
}
