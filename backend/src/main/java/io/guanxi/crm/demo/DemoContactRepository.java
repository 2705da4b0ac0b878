package io.guanxi.crm.demo;

import io.agroal.api.AgroalDataSource;
import io.guanxi.crm.contact.Completeness;
import io.guanxi.crm.contact.Pinyin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The bulk contact generator (demo seeding and the command-line generator, run as the system): its
 * set-based SQL stays SQL, in this repository, because a million rows through the services would take
 * hours. Realistic contacts in bulk, written by one INSERT … SELECT over generate_series (a million rows in
 * about a minute, not row by row through the ORM). Names, pinyin, companies and regions come from
 * the arrays below; pinyin and completeness use the same code as the service, so search and the
 * profile percentage behave exactly as for contacts created through the API.
 */
@ApplicationScoped
public class DemoContactRepository {

    private static final Logger LOG = Logger.getLogger(DemoContactRepository.class);

    static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
            "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁",
            "任", "沈", "姚", "卢", "傅", "钟", "姜", "崔", "谭", "陆", "范", "汪", "欧阳", "司马");
    static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
            "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "鹏", "飞", "辉",
            "建", "国", "宇", "浩", "婷", "雪", "琳", "晨", "欣", "怡", "佳", "俊", "博", "文", "斌", "凯", "颖", "倩",
            "海", "波", "宁", "志", "东", "梅", "兰", "云", "峰", "亮", "嘉", "子");
    static final List<String> COMPANIES = List.of("上海云帆科技有限公司", "北京华信网络技术有限公司", "深圳前海智能制造有限公司",
            "杭州阿里巴巴商贸有限公司", "广州白云物流有限公司", "成都天府软件园有限公司", "南京金陵教育咨询有限公司",
            "武汉长江医疗器械有限公司", "苏州工业园电子有限公司", "天津滨海新能源有限公司", "重庆山城餐饮管理有限公司",
            "西安古城文旅发展有限公司", "厦门海峡贸易有限公司", "青岛啤酒经销有限公司", "宁波港航服务有限公司",
            "长沙湘江传媒有限公司", "郑州中原粮油有限公司", "沈阳北方重工有限公司", "大连海洋渔业有限公司",
            "合肥科大讯飞合作伙伴有限公司", "昆明七彩云南旅游有限公司", "福州闽江茶业有限公司", "济南泉城建材有限公司",
            "哈尔滨冰雪文化有限公司", "无锡太湖纺织有限公司", "佛山陶瓷制品有限公司", "东莞电子配件有限公司",
            "珠海格力空调专卖有限公司", "温州鞋业有限公司", "义乌小商品进出口有限公司");
    static final List<String> INDUSTRIES = List.of("科技", "制造", "教育", "医疗", "零售", "金融", "物流", "餐饮",
            "房地产", "文旅", "能源", "传媒");
    static final List<String[]> REGION_CITIES = List.of(new String[] {"EAST", "上海"}, new String[] {"EAST", "杭州"},
            new String[] {"EAST", "南京"}, new String[] {"EAST", "苏州"}, new String[] {"NORTH", "北京"},
            new String[] {"NORTH", "天津"}, new String[] {"SOUTH", "广州"}, new String[] {"SOUTH", "深圳"},
            new String[] {"CENTRAL", "武汉"}, new String[] {"CENTRAL", "长沙"}, new String[] {"SOUTHWEST", "成都"},
            new String[] {"SOUTHWEST", "重庆"}, new String[] {"NORTHWEST", "西安"}, new String[] {"NORTHEAST", "沈阳"});
    static final List<String> TAGS = List.of("预算充足", "决策周期长", "注重服务", "价格敏感", "老客户推荐", "关键决策人",
            "需要上门演示", "对竞品感兴趣", "VIP", "节日关怀");
    static final List<String> NEEDS = List.of("计划明年扩建华东仓库", "希望缩短交付周期", "关注售后响应速度",
            "考虑更换现有供应商", "准备上线新产品线", "需要定制化方案");
    static final List<String> SUMMARIES = List.of("电话回访：客户对报价满意，约下周上门演示", "微信沟通产品参数，已发送资料",
            "上门拜访，了解采购流程与决策人", "邮件发送合同草案，等待法务意见", "参加展会交流，客户对新品感兴趣",
            "短信提醒活动报名", "会议讨论实施计划与时间表", "客户来电咨询售后政策");

    @Inject
    AgroalDataSource dataSource;

    /**
     * Inserts {@code count} contacts owned round-robin by {@code owners}; with
     * {@code maxInteractionsPerContact} > 0 also up to that many interactions each over the last 90
     * days, authored by the owner, with lastContactedAt set to match.
     */
    public void generate(int count, List<UUID> owners, int maxInteractionsPerContact, double seed) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT setseed(" + seed + ")");
            }
            long offset;
            try (Statement statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT count(*) FROM contact")) {
                rs.next();
                offset = rs.getLong(1);
            }
            insertContacts(connection, count, owners, offset);
            if (maxInteractionsPerContact > 0) {
                insertInteractions(connection, maxInteractionsPerContact);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Generating contacts failed", e);
        }
        LOG.infof("Generated %d contacts in %d ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    private void insertContacts(Connection connection, int count, List<UUID> owners, long offset)
            throws SQLException {
        String sql = """
                CREATE TEMP TABLE generated_batch ON COMMIT DROP AS
                WITH picks AS (
                    SELECT i + ? AS n, i, random() AS rs, random() AS rg1,
                           CASE WHEN random() < 0.6 THEN random() END AS rg2,
                           random() AS rco, random() AS rind, random() AS rrc,
                           random() AS r1, random() AS r2, random() AS r3
                    FROM generate_series(1, ?) AS i
                ), rows AS (
                    SELECT gen_random_uuid() AS id,
                           sn[s] || gn[g1] || coalesce(gn[g2], '') AS name,
                           sp[s] || gp[g1] || coalesce(gp[g2], '') AS name_pinyin,
                           left(sp[s], 1) || left(gp[g1], 1) || coalesce(left(gp[g2], 1), '') AS name_initials,
                           CASE WHEN r1 < 0.9 THEN '1' || (3 + (n % 7))::text
                                || lpad(((n * 104729) % 1000000000)::text, 9, '0') END AS mobile,
                           CASE WHEN r2 < 0.7 THEN sp[s] || gp[g1] || n || '@example.cn' END AS email,
                           CASE WHEN r3 < 0.5 THEN 'wx_' || sp[s] || n END AS wechat_id,
                           CASE WHEN r1 < 0.8 THEN cos[co] END AS company,
                           inds[ind] AS industry,
                           regs[rc] AS region, cities[rc] AS city,
                           CASE WHEN r2 < 0.5 THEN date '1965-01-01' + (floor(r3 * 14000))::int END AS birthday,
                           -- Some birthdays are known without the year (--MM-DD; 2000 is a leap year, so 29 February can come up).
                           CASE WHEN r2 >= 0.5 AND r2 < 0.6 THEN to_char(date '2000-01-01' + (floor(r3 * 366))::int, '"--"MM-DD')
                                END AS birth_month_day,
                           (ARRAY['WEBSITE','COMMUNITY','TRADE_SHOW','REFERRAL','ADVERTISING','OUTBOUND'])[1 + (n % 6)] AS source_channel,
                           CASE WHEN r3 < 0.7 THEN (ARRAY['PHONE','SMS','EMAIL','WECHAT','VISIT'])[1 + (n % 5)] END AS preferred_channel,
                           coalesce((SELECT array_agg(t) FROM unnest(tagv) AS t WHERE i > 0 AND random() < 0.2), '{}') AS tags,
                           CASE WHEN r1 < 0.3 THEN needs[1 + (n % cardinality(needs))] END AS hidden_needs,
                           CASE WHEN r2 < 0.4 THEN (ARRAY['PERFECTIONIST','HELPER','ACHIEVER','INDIVIDUALIST','INVESTIGATOR',
                                'LOYALIST','ENTHUSIAST','CHALLENGER','PEACEMAKER'])[1 + (n % 9)] END AS personality_type,
                           (ARRAY['POTENTIAL','POTENTIAL','AWARENESS','AWARENESS','PURCHASE','LOYALTY','CHURNED'])[1 + (n % 7)] AS lifecycle_stage,
                           owners[1 + (n % cardinality(owners))] AS owner_id,
                           r3 < 0.6 AS marketing_consent,
                           now() - (floor(r1 * 720) || ' days')::interval - (floor(r2 * 86400) || ' seconds')::interval AS created_at
                    FROM (SELECT picks.*,
                                 1 + floor(rs * cardinality(sn))::int AS s,
                                 1 + floor(rg1 * cardinality(gn))::int AS g1,
                                 1 + floor(rg2 * cardinality(gn))::int AS g2,
                                 1 + floor(rco * cardinality(cos))::int AS co,
                                 1 + floor(rind * cardinality(inds))::int AS ind,
                                 1 + floor(rrc * cardinality(regs))::int AS rc,
                                 v.*
                          FROM picks,
                         (SELECT ?::text[] AS sn, ?::text[] AS sp, ?::text[] AS gn, ?::text[] AS gp, ?::text[] AS cos,
                                 ?::text[] AS inds, ?::text[] AS regs, ?::text[] AS cities, ?::text[] AS tagv,
                                 ?::text[] AS needs, ?::uuid[] AS owners) AS v) AS p
                )
                SELECT * FROM rows
                """;
        List<String> surnamePinyin = SURNAMES.stream().map(s -> Pinyin.of(s).full()).toList();
        List<String> givenPinyin = GIVEN.stream().map(g -> Pinyin.of(g).full()).toList();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int p = 1;
            ps.setLong(p++, offset);
            ps.setInt(p++, count);
            ps.setArray(p++, texts(connection, SURNAMES));
            ps.setArray(p++, texts(connection, surnamePinyin));
            ps.setArray(p++, texts(connection, GIVEN));
            ps.setArray(p++, texts(connection, givenPinyin));
            ps.setArray(p++, texts(connection, COMPANIES));
            ps.setArray(p++, texts(connection, INDUSTRIES));
            ps.setArray(p++, texts(connection, REGION_CITIES.stream().map(rc -> rc[0]).toList()));
            ps.setArray(p++, texts(connection, REGION_CITIES.stream().map(rc -> rc[1]).toList()));
            ps.setArray(p++, texts(connection, TAGS));
            ps.setArray(p++, texts(connection, NEEDS));
            ps.setArray(p++, connection.createArrayOf("uuid", owners.toArray()));
            ps.execute();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO contact (id, name, name_pinyin, name_initials, mobile, email, wechat_id, company, industry,
                        region, city, birthday, birth_month_day, source_channel, preferred_channel, tags, hidden_needs, personality_type,
                        lifecycle_stage, owner_id, marketing_consent, completeness, created_at, updated_at, version)
                    SELECT id, name, name_pinyin, name_initials, mobile, email, wechat_id, company, industry,
                        region, city, birthday, birth_month_day, source_channel, preferred_channel, tags, hidden_needs, personality_type,
                        lifecycle_stage, owner_id, marketing_consent, %s, created_at, created_at, 0
                    FROM generated_batch""".formatted(Completeness.sqlExpression()));
        }
    }

    private void insertInteractions(Connection connection, int maxPerContact) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO interaction (id, contact_id, channel, direction, occurred_at, summary, author_id, created_at)
                SELECT gen_random_uuid(), b.id,
                       (ARRAY['PHONE','SMS','EMAIL','WECHAT','VISIT','MEETING','EVENT'])[1 + floor(random() * 7)::int],
                       CASE WHEN random() < 0.7 THEN 'OUTBOUND' ELSE 'INBOUND' END,
                       t.at, s.summaries[1 + floor(random() * cardinality(s.summaries))::int], b.owner_id, t.at
                FROM generated_batch b
                -- b.id in the pick makes it correlated: drawn per contact, not once for the whole batch
                CROSS JOIN LATERAL (SELECT floor(random() * (? + 1))::int AS n WHERE b.id IS NOT NULL) AS pick
                CROSS JOIN LATERAL generate_series(1, pick.n) AS k
                CROSS JOIN LATERAL (SELECT greatest(b.created_at, now() - (floor(random() * 90 * 86400) || ' seconds')::interval) AS at
                                    WHERE k > 0) AS t
                CROSS JOIN (SELECT ?::text[] AS summaries) AS s""")) {
            ps.setInt(1, maxPerContact);
            ps.setArray(2, texts(connection, SUMMARIES));
            ps.execute();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    UPDATE contact c SET last_contacted_at = x.last
                    FROM (SELECT i.contact_id, max(i.occurred_at) AS last FROM interaction i
                          JOIN generated_batch b ON b.id = i.contact_id GROUP BY i.contact_id) AS x
                    WHERE c.id = x.contact_id""");
        }
    }

    private static java.sql.Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
