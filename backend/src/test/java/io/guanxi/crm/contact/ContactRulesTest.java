package io.guanxi.crm.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactRulesTest {

    @Test
    void pinyinOfChineseAndMixedNames() {
        assertEquals(new Pinyin.Reading("zhangwei", "zw"), Pinyin.of("张伟"));
        assertEquals(new Pinyin.Reading("zhangweifang", "zwf"), Pinyin.of("张伟芳"));
        assertEquals(new Pinyin.Reading("ouyangxiu", "oyx"), Pinyin.of("欧阳修"));
        assertEquals("zengguofan", Pinyin.of("曾国藩").full(), "surname reading of 曾");
        assertEquals("shanxiong", Pinyin.of("单雄").full(), "surname reading of 单");
        assertEquals("lv", Pinyin.of("吕").full());
        assertEquals(new Pinyin.Reading("davidli", "dl"), Pinyin.of("David Li"));
        assertEquals(new Pinyin.Reading("", ""), Pinyin.of("  "));
    }

    @Test
    void mobileNumbersHaveOneCanonicalForm() {
        assertEquals(Optional.of("13800138000"), PhoneNumbers.normalise("138 0013 8000"));
        assertEquals(Optional.of("13800138000"), PhoneNumbers.normalise("+86 138-0013-8000"));
        assertEquals(Optional.of("13800138000"), PhoneNumbers.normalise("0086 (138) 0013 8000"));
        assertEquals(Optional.of("+442071838750"), PhoneNumbers.normalise("+44 20 7183 8750"));
        assertEquals(Optional.empty(), PhoneNumbers.normalise("12345"));
        assertEquals(Optional.empty(), PhoneNumbers.normalise("23800138000"));
        assertEquals(Optional.empty(), PhoneNumbers.normalise("call me"));
        assertEquals(Optional.of("1380013"), PhoneNumbers.searchDigits("138-0013"));
        assertEquals(Optional.empty(), PhoneNumbers.searchDigits("张伟"));
    }

    @Test
    void completenessWeighsFilledFields() {
        Contact contact = new Contact();
        contact.name = "张伟";
        assertEquals(10, Completeness.percent(contact));
        assertEquals("mobile", Completeness.missingFields(contact).get(0));
        contact.mobile = "13800138000";
        contact.email = "a@b.cn";
        contact.wechatId = "wx";
        contact.company = "c";
        contact.industry = "i";
        contact.region = Region.EAST;
        contact.city = "上海";
        contact.birthday = LocalDate.of(1990, 1, 1);
        contact.sourceChannel = SourceChannel.REFERRAL;
        contact.preferredChannel = ContactChannel.WECHAT;
        contact.tags = List.of("VIP");
        contact.hiddenNeeds = "n";
        contact.personalityType = PersonalityType.HELPER;
        assertEquals(100, Completeness.percent(contact));
        assertTrue(Completeness.missingFields(contact).isEmpty());
        contact.city = "   ";
        assertEquals(95, Completeness.percent(contact));
        assertTrue(Completeness.sqlExpression().contains("coalesce(btrim(city), '') <> ''"));
    }

    @Test
    void pinyinPrefixUpperBound() {
        assertEquals("zhangwej", ContactRepository.prefixUpperBound("zhangwei"));
        assertEquals("{", ContactRepository.prefixUpperBound("z"));
    }
}
