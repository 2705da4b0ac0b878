package io.guanxi.crm.platform.http;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with forwarded headers honoured from anyone: with proxy address forwarding on and no
 * trusted proxies, Quarkus takes any client's X-Forwarded-For as its address, and each forged header would
 * get a fresh login-throttle counter. Behind a proxy, name it (QUARKUS_HTTP_PROXY_TRUSTED_PROXIES).
 */
@ApplicationScoped
public class ProxyGuard {

    @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
    boolean forwarding;

    @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    Optional<List<String>> trustedProxies;

    void check(@Observes @Priority(1) StartupEvent event) {
        String problem = problemWith(forwarding, trustedProxies);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    static String problemWith(boolean forwarding, Optional<List<String>> trustedProxies) {
        boolean none = trustedProxies.map(list -> list.stream().allMatch(String::isBlank)).orElse(true);
        if (forwarding && none) {
            return "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING is on but QUARKUS_HTTP_PROXY_TRUSTED_PROXIES is not set:"
                    + " every client could choose its address (see docs/operations-security.md)";
        }
        return null;
    }
}
