package io.guanxi.crm.support;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' PostgreSQL (as {@link EmbeddedPostgresResource}) reached through a {@link DatabaseLink}, for a test
 * profile that cuts the database away under a running service. The link is injected into the test's field of that
 * type.
 */
public class DatabaseLinkResource extends EmbeddedPostgresResource {

    private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)/");
    private DatabaseLink link;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String url = config.get("quarkus.datasource.jdbc.url");
        Matcher m = HOST_PORT.matcher(url);
        if (!m.find()) {
            throw new IllegalStateException("no host:port in the test database URL");
        }
        link = new DatabaseLink(m.group(1), Integer.parseInt(m.group(2)));
        config.put("quarkus.datasource.jdbc.url", m.replaceFirst("//127.0.0.1:" + link.port() + "/"));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(link, new TestInjector.MatchesType(DatabaseLink.class));
    }

    @Override
    public void stop() {
        if (link != null) {
            link.close();
        }
        super.stop();
    }
}
