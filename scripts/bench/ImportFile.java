// Writes N contacts as an XLSX (what the import reads) and the same rows as a CSV (what COPY reads), for
// scripts/bench/import.sh. Run with fastexcel and opczip on the class path: java -cp … ImportFile.java N out.xlsx out.csv
// About 1 % of the rows repeat an earlier row's mobile, so the dedupe has groups to find.
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

public class ImportFile {
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国文辉志红鹏飞宇浩然晨曦思雨佳怡子轩梓涵";
    static final String[] COMPANIES = {"云帆科技", "华夏贸易", "东方教育", "长江物流", "星辰传媒", "金桥咨询", "蓝海医疗", "绿源农业"};
    static final String[] CITIES = {"上海", "北京", "杭州", "深圳", "成都", "武汉", "南京", "西安"};
    static final String[] REGIONS = {"华东", "华北", "华东", "华南", "西南", "华中", "华东", "西北"};

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Random random = new Random(20261201L);
        try (OutputStream xlsx = new FileOutputStream(args[1]);
             PrintWriter csv = new PrintWriter(args[2], StandardCharsets.UTF_8)) {
            Workbook workbook = new Workbook(xlsx, "bench", "1.0");
            Worksheet sheet = workbook.newWorksheet("客户");
            String[] headers = {"姓名", "手机号", "邮箱", "公司", "城市", "地区", "生日", "标签"};
            for (int c = 0; c < headers.length; c++) {
                sheet.value(0, c, headers[c]);
            }
            for (int i = 1; i <= n; i++) {
                String name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + (random.nextBoolean() ? "" + GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
                int number = random.nextInt(100) == 0 && i > 10 ? i - 1 - random.nextInt(Math.min(i - 1, 1000)) : i;
                String mobile = "139" + String.format("%08d", number);
                String email = i % 2 == 0 ? "c" + i + "@example.cn" : "";
                String company = COMPANIES[random.nextInt(COMPANIES.length)];
                int place = random.nextInt(CITIES.length);
                LocalDate birthday = LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
                String tags = i % 3 == 0 ? "老客户、转介绍" : "";
                Object[] row = {name, mobile, email, company, CITIES[place], REGIONS[place], birthday.toString(), tags};
                for (int c = 0; c < row.length; c++) {
                    String value = (String) row[c];
                    if (!value.isEmpty()) {
                        sheet.value(i, c, value);
                    }
                }
                csv.println(String.join(",", name, mobile, email, company, CITIES[place], REGIONS[place], birthday.toString(),
                        tags.replace("、", "|")));
                if (i % 10000 == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        }
    }
}
