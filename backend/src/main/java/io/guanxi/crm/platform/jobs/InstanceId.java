package io.guanxi.crm.platform.jobs;

import io.guanxi.crm.platform.config.GuanxiConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Which process this is, as written into the jobs it runs (job.owner): {@code guanxi.instance-id} when set, otherwise
 * host name, process id and a random suffix, so a restarted process (same host, possibly the same pid in a container)
 * is never taken for the one before it.
 */
@ApplicationScoped
public class InstanceId {

    @Inject
    GuanxiConfig config;

    private String value;

    @PostConstruct
    void init() {
        value = config.instanceId().map(String::trim).filter(v -> !v.isEmpty()).map(InstanceId::bounded).orElseGet(InstanceId::generated);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    static String generated() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return bounded(hostName()) + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }

    private static String hostName() {
        // In Kubernetes HOSTNAME is the pod name; the lookup is the fallback (it can be slow without DNS).
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }

    /** job.owner is varchar(200); a host name is at most 253 characters. */
    private static String bounded(String value) {
        return value.length() > 160 ? value.substring(0, 160) : value;
    }
}
