package io.guanxi.crm.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyGuardTest {

    private static SmallRyeConfig profile(String profile) throws IOException {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(ProxyGuardTest.class.getClassLoader()
                        .getResource("application.properties")))
                .build();
    }

    @Test
    void productionTrustsNoForwardedHeaderByDefault() throws IOException {
        SmallRyeConfig prod = profile("prod");
        assertEquals(false, prod.getValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class));
        assertEquals(false, prod.getValue("quarkus.http.proxy.allow-x-forwarded", Boolean.class));
        assertEquals(false, prod.getValue("quarkus.http.proxy.allow-forwarded", Boolean.class));
        assertTrue(prod.getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class).isEmpty());
        SmallRyeConfig demo = profile("demo");
        assertEquals(false, demo.getValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class));
    }

    @Test
    void forwardingWithoutTrustedProxiesRefusesToStart() {
        assertNotNull(ProxyGuard.problemWith(true, Optional.empty()));
        assertNotNull(ProxyGuard.problemWith(true, Optional.of(List.of(""))));
        assertNull(ProxyGuard.problemWith(true, Optional.of(List.of("10.0.0.0/8"))));
        assertNull(ProxyGuard.problemWith(false, Optional.empty()));
    }
}
