package io.guanxi.crm.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** All {@code guanxi.*} settings; README lists each with its environment variable. */
@ConfigMapping(prefix = "guanxi")
public interface GuanxiConfig {

    Jwt jwt();

    Security security();

    Sessions sessions();

    Admin admin();

    Demo demo();

    Leads leads();

    Tiers tiers();

    Complaints complaints();

    Loyalty loyalty();

    Activities activities();

    Care care();

    Surveys surveys();

    /** Where customers open public pages (a survey's personal link is {@code <this>/s/<token>}). */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    ChurnRisk churnRisk();

    Churn churn();

    /** Rights requests and retention (issue 19, docs/privacy.md). */
    Privacy privacy();

    /** The business time zone: what "today", a due day and a week mean. */
    @WithDefault("Asia/Shanghai")
    String zone();

    EmbeddedDb embeddedDb();

    Http http();

    /** Contact imports (issue 20, docs/import.md). */
    Imports imports();

    Audit audit();

    /** This process's name in job.owner (docs/operations-jobs.md); unset: host name, pid and a random suffix. */
    Optional<String> instanceId();

    /** Background jobs on several replicas (issue 22, docs/operations-jobs.md). */
    JobSettings jobs();

    interface Jwt {
        String issuer();

        @WithDefault("1h")
        Duration lifetime();
    }

    interface Security {
        /**
         * True only in demo, dev and test: allows the repository's JWT keys and a weak first-admin
         * password. Production leaves it false and the service refuses both.
         */
        @WithDefault("false")
        boolean insecureDefaultsAllowed();

        Login login();

        /** bcrypt cost of password hashes (each +1 doubles the work). */
        @WithDefault("12")
        int bcryptCost();
    }

    interface Login {
        /** Failed logins for one username (or client address) before it is locked out. */
        @WithDefault("5")
        int maxFailures();

        /** First lockout; it doubles with each further failure up to {@link #maxLockout()}. */
        @WithDefault("1m")
        Duration lockout();

        @WithDefault("15m")
        Duration maxLockout();

        /**
         * Failed logins from one client address, within {@link #addressWindow()}, before the address
         * is locked out; successful logins in between do not reset the count.
         */
        @WithDefault("20")
        int addressMaxFailures();

        /** The window over which failures from one address are counted. */
        @WithDefault("15m")
        Duration addressWindow();
    }

    /** Web app sessions: short access tokens renewed through a rotating refresh token cookie. */
    interface Sessions {
        /** Lifetime of a web app access token (kept in memory by the app). */
        @WithDefault("10m")
        Duration accessTokenLifetime();

        /** A session unused (not refreshed) for this long ends. */
        @WithDefault("8h")
        Duration idleTimeout();

        /** A session ends this long after sign-in, however active. */
        @WithDefault("7d")
        Duration absoluteTimeout();

        /**
         * A rotated refresh token presented again within this time is refused without ending the
         * session (two tabs refreshing at once); later, it revokes the whole session as stolen.
         */
        @WithDefault("10s")
        Duration reuseGrace();

        /** The Secure attribute of the refresh cookie; only a plain-http setup without localhost turns it off. */
        @WithDefault("true")
        boolean cookieSecure();
    }

    interface Admin {
        /** Password of the first admin, created when no user exists yet. */
        Optional<String> password();
    }

    interface Leads {
        /** How often the activity window slides (scores of leads whose interactions aged out drop). */
        @WithDefault("1h")
        String windowRescoreEvery();

        /** Transaction timeout of a rescore of all open leads, in seconds (a million take minutes). */
        @WithDefault("1800")
        int rescoreTimeout();
    }

    interface Tiers {
        /** When the nightly tier recompute runs (Quartz-style cron: s m h dom mon dow). */
        @WithDefault("0 30 2 * * ?")
        String recomputeCron();

        /** When the periodic membership review runs: the only time levels go down (monthly). */
        @WithDefault("0 30 3 1 * ?")
        String reviewCron();

        /** Transaction timeout of a recompute, in seconds (a million customers take a minute or two). */
        @WithDefault("3600")
        int recomputeTimeout();
    }

    interface Complaints {
        /** How often complaint SLAs are checked for breaches and warnings. */
        @WithDefault("1m")
        String slaScanEvery();

        /** Days after a complaint is closed that its customer's sales owner follows up (001 §3.2: service → sales). */
        @WithDefault("3")
        int handoffAfterDays();
    }

    interface Loyalty {
        /** When points whose time has come expire (Quartz-style cron: s m h dom mon dow). */
        @WithDefault("0 15 3 * * ?")
        String expiryCron();

        /** How often points past their pending (return) window become available. */
        @WithDefault("5m")
        String releaseEvery();

        /** The most points a service agent may give as a complaint's compensation; managers may give more. */
        @WithDefault("1000")
        int agentCompensationLimit();

        /** The business time zone, for "end of next year" expiry. */
        @WithDefault("Asia/Shanghai")
        String zone();
    }

    interface Surveys {
        /** The company's name as the public survey page shows it. */
        @WithDefault("Guanxi CRM")
        String companyName();

        /** When the periodic relationship survey runs (quarkus cron; "off" disables it). */
        @WithDefault("0 30 2 * * ?")
        String periodicCron();

        /** How many customers one periodic scan invites at most (the next scan takes the rest). */
        @WithDefault("5000")
        int periodicBatch();

        Rate rate();

        interface Rate {
            /** Requests per token to the public survey endpoints within the window. */
            @WithDefault("10")
            int perToken();

            /** Requests per client address to the public survey endpoints within the window. */
            @WithDefault("60")
            int perAddress();

            @WithDefault("1m")
            Duration window();
        }
    }

    interface Care {
        /** How often customers' occasions in the care window become care activities (once per occasion). */
        @WithDefault("6h")
        String scanEvery();
    }

    interface ChurnRisk {
        /** When every customer's churn risk is recomputed (Quartz-style cron: s m h dom mon dow); docs/churn-risk.md. */
        @WithDefault("0 40 2 * * ?")
        String recomputeCron();

        /** Transaction timeout of a recompute, in seconds. */
        @WithDefault("3600")
        int recomputeTimeout();
    }

    interface Churn {
        /** When the daily churn rule runs (no purchase for the policy's months → churned). */
        @WithDefault("0 45 3 * * ?")
        String ruleCron();

        /** How often last month's churn review is produced when missing (it appears within the hour after the 1st begins). */
        @WithDefault("0 10 * * * ?")
        String reviewCron();
    }

    interface Activities {
        /** How often open leads nobody has been in touch with are looked for (they get a follow-up activity). */
        @WithDefault("1h")
        String scanEvery();

        /** A customer (who bought) not contacted for longer than this shows on their owner's today page. */
        @WithDefault("30")
        int quietCustomerDays();
    }

    interface Demo {
        /** Seed demo users and contacts at start (once; skipped when they exist). */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("300")
        int contacts();

        /** Password of every demo user. */
        @WithDefault("demo1234")
        String password();
    }

    /**
     * The embedded PostgreSQL of the demo and dev runs. Read by the launcher before Quarkus starts
     * ({@code EmbeddedDatabase}); declared here so the settings are documented and validated.
     */
    interface EmbeddedDb {
        @WithDefault("true")
        boolean enabled();

        /** Where it keeps its data (kept between runs). */
        @WithDefault(".guanxi/pgdata")
        String dataDir();

        /** 0 picks a free port. */
        @WithDefault("0")
        int port();
    }

    interface Http {
        Hsts hsts();

        /** Longest request line (method, path and query) answered; longer ones get a 414 problem. */
        @WithDefault("8K")
        io.quarkus.runtime.configuration.MemorySize maxUriLength();

        /** Largest sum of request header names and values answered; larger gets a 431 problem. */
        @WithDefault("20K")
        io.quarkus.runtime.configuration.MemorySize maxHeaderSize();

        /** Largest request body but an upload's; larger gets a 413 problem (the HTTP layer's own limit sits above uploads). */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();

        /** Retry-After of the 503 answered while the database cannot be reached (stopped, restarting, failing over). */
        @WithDefault("5s")
        Duration databaseUnavailableRetryAfter();
    }

    /**
     * Strict-Transport-Security on responses to requests that came over TLS (the request's scheme:
     * X-Forwarded-Proto counts only with {@code quarkus.http.proxy.proxy-address-forwarding=true}).
     */
    interface Hsts {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("365d")
        Duration maxAge();
    }

    /** The audit trail (docs/audit.md). */
    interface Audit {
        /** Off only for scripts/bench/audit.sh, which measures what the trail costs; always on otherwise. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long a read waits for its access entry to be committed (AccessAppender) before it fails instead of
         * showing what it read.
         */
        @WithDefault("30s")
        Duration accessWaitTimeout();
    }

    /** Rights requests and the retention review (docs/privacy.md). */
    interface Privacy {
        /**
         * Days to answer a rights request, counted in the business zone from its receipt. PIPL asks for "timely" answers
         * without a number; GB/T 35273-2020 §8.7 says 30 days, many privacy policies promise 15 working days: 15 calendar
         * days keeps inside both.
         */
        @WithDefault("15")
        int requestDueDays();

        Retention retention();
    }

    interface Retention {
        /** A customer with no contact (created, interaction, purchase) for this many years is listed for review; never below 5 (SPEC §1). */
        @WithDefault("5")
        int noContactYears();

        /** When the review job runs: monthly, the 1st at 04:20. */
        @WithDefault("0 20 4 1 * ?")
        String reviewCron();

        /** A customer an admin decided to keep is not listed again for this many months. */
        @WithDefault("12")
        int keptMonths();
    }

    interface Imports {
        /** The largest file an import accepts; larger gets a 413 problem. */
        @WithDefault("50M")
        io.quarkus.runtime.configuration.MemorySize maxBytes();

        /**
         * Uploads (each a dry run of every row against the whole team's contacts) one user may start within an hour;
         * beyond that 429 with Retry-After. Bounds how fast a preview can be used to learn which mobiles and emails
         * are someone's customer (docs/import.md), and the CPU a user's dry runs take.
         */
        @WithDefault("20")
        int uploadsPerHour();
    }

    interface JobSettings {
        /** How often a process refreshes the heartbeat of the jobs it runs. */
        @WithDefault("10s")
        Duration heartbeatEvery();

        /** A RUNNING job whose heartbeat is older than this is failed by any replica (at least three heartbeats). */
        @WithDefault("60s")
        Duration staleAfter();
    }
}
