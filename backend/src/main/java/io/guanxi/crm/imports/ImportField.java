package io.guanxi.crm.imports;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The contact fields a column can be mapped to, and the zh and en headers recognised for each. */
public enum ImportField {
    NAME("姓名", "名字", "客户姓名", "客户名称", "客户", "联系人", "联系人姓名", "name", "fullname", "contact", "contactname", "customer"),
    MOBILE("手机", "手机号", "手机号码", "移动电话", "电话", "联系电话", "联系方式", "mobile", "phone", "mobilephone", "cell", "cellphone",
            "telephone", "tel"),
    EMAIL("邮箱", "电子邮件", "电子邮箱", "邮件", "邮箱地址", "email", "mail", "emailaddress"),
    WECHAT_ID("微信", "微信号", "wechat", "wechatid", "weixin"),
    COMPANY("公司", "公司名称", "单位", "企业", "企业名称", "工作单位", "所在公司", "company", "companyname", "organization", "organisation",
            "account"),
    INDUSTRY("行业", "所属行业", "industry"),
    REGION("地区", "区域", "大区", "所属区域", "region", "area"),
    CITY("城市", "所在城市", "city"),
    BIRTHDAY("生日", "出生日期", "出生年月日", "birthday", "dateofbirth", "birthdate", "dob"),
    TAGS("标签", "客户标签", "tags", "tag", "labels"),
    SOURCE_CHANNEL("来源", "客户来源", "来源渠道", "渠道", "source", "sourcechannel", "leadsource", "channel"),
    HIDDEN_NEEDS("备注", "需求", "隐性需求", "客户需求", "notes", "note", "remarks", "needs"),
    /** The owner (username or display name of an active rep or manager); only a manager or an admin may map it. */
    OWNER("负责人", "所属销售", "销售", "销售代表", "客户经理", "归属人", "跟进人", "owner", "salesrep", "assignedto", "accountowner");

    private static final Pattern NOISE = Pattern.compile("[\\s_\\-*:：()（）\\[\\]【】.·/]|必填|required");

    private final List<String> headers;

    ImportField(String... headers) {
        this.headers = List.of(headers);
    }

    /** The field a header names, or null when it names none. */
    public static ImportField ofHeader(String header) {
        if (header == null) {
            return null;
        }
        String key = normalise(header);
        if (key.isEmpty()) {
            return null;
        }
        for (ImportField field : values()) {
            if (field.headers.contains(key) || field.name().toLowerCase(Locale.ROOT).replace("_", "").equals(key)) {
                return field;
            }
        }
        return null;
    }

    static String normalise(String header) {
        return NOISE.matcher(header.trim().toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
