import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-model (fixed arrival rate) load generator, single file: {@code java Load.java key=value ...}.
 * Request i is due at start + i/rate by the wall clock, whatever earlier responses do, and its latency is
 * counted from that due time, so a stalled server shows in the figures (no coordinated omission).
 *
 * Keys: url, rate (req/s), duration (s), stop-file (stop early when it exists), token, mode=get|write,
 * timeout (s, per request), acked (file: Idempotency-Key of every acknowledged write), unknown (file: keys
 * whose outcome is unknown: no answer or 5xx), prefix (write keys), max-in-flight.
 * In write mode each request POSTs an interaction whose summary is "prefix key" with Idempotency-Key: key.
 * Prints one line of figures: key=value pairs.
 */
public class Load {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new ConcurrentHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opt.put(a.substring(0, eq), a.substring(eq + 1));
        }
        String url = opt.get("url");
        double rate = Double.parseDouble(opt.getOrDefault("rate", "20"));
        double duration = Double.parseDouble(opt.getOrDefault("duration", "30"));
        Path stopFile = opt.containsKey("stop-file") ? Path.of(opt.get("stop-file")) : null;
        String token = opt.get("token");
        boolean write = "write".equals(opt.getOrDefault("mode", "get"));
        Duration timeout = Duration.ofMillis((long) (1000 * Double.parseDouble(opt.getOrDefault("timeout", "10"))));
        String prefix = opt.getOrDefault("prefix", "load");
        int maxInFlight = Integer.parseInt(opt.getOrDefault("max-in-flight", "2000"));

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).version(HttpClient.Version.HTTP_1_1).build();
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        Map<String, Long> statuses = new ConcurrentHashMap<>();
        List<String> acked = Collections.synchronizedList(new ArrayList<>());
        List<String> unknown = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());

        long start = System.nanoTime();
        long intervalNanos = (long) (1e9 / rate);
        long end = start + (long) (duration * 1e9);
        long lastStopCheck = start;
        for (long i = 0; ; i++) {
            long due = start + i * intervalNanos;
            if (due >= end) {
                break;
            }
            if (stopFile != null && due - lastStopCheck > 200_000_000L) {
                lastStopCheck = due;
                if (Files.exists(stopFile)) {
                    break;
                }
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                // Counted as failed: the client gave up on this arrival, the server was too slow.
                dropped.incrementAndGet();
                failed.incrementAndGet();
                continue;
            }
            String key = write ? prefix + "-" + UUID.randomUUID() : null;
            HttpRequest request = request(url, token, timeout, key, prefix);
            inFlight.incrementAndGet();
            final long dueAt = due;
            CompletableFuture<?> f = client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                long micros = (System.nanoTime() - dueAt) / 1000;
                inFlight.decrementAndGet();
                latenciesMicros.add(micros);
                String status = error != null ? "error:" + rootName(error) : Integer.toString(response.statusCode());
                statuses.merge(status, 1L, Long::sum);
                boolean success = error == null && response.statusCode() < 400;
                if (success) {
                    ok.incrementAndGet();
                    if (key != null) {
                        acked.add(key);
                    }
                } else {
                    failed.incrementAndGet();
                    if (key != null && (error != null || response.statusCode() >= 500 || response.statusCode() == 409)) {
                        unknown.add(key);
                    }
                }
                return null;
            });
            pending.add(f);
        }
        long sentEnd = System.nanoTime();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long elapsedNanos = sentEnd - start;

        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        long requests = ok.get() + failed.get();
        System.out.printf("requests=%d ok=%d failed=%d dropped=%d rate_target=%.1f throughput_ok=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f statuses=%s%n",
                requests, ok.get(), failed.get(), dropped.get(), rate, ok.get() / (elapsedNanos / 1e9),
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? 0.0 : sorted.get(sorted.size() - 1) / 1000.0,
                new java.util.TreeMap<>(statuses));
        if (opt.containsKey("acked")) {
            write(Path.of(opt.get("acked")), acked);
        }
        if (opt.containsKey("unknown")) {
            write(Path.of(opt.get("unknown")), unknown);
        }
        System.exit(0);
    }

    static HttpRequest request(String url, String token, Duration timeout, String key, String prefix) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key == null) {
            return b.GET().build();
        }
        String body = "{\"channel\":\"PHONE\",\"direction\":\"OUTBOUND\",\"summary\":\"" + prefix + " " + key + "\"}";
        return b.header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String rootName(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int idx = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, idx)) / 1000.0;
    }

    static void write(Path file, List<String> lines) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            synchronized (lines) {
                lines.forEach(out::println);
            }
        }
    }
}
