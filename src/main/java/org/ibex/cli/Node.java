package org.ibex.cli;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.ibex.access.Authenticator;
import org.ibex.access.LoginThrottle;
import org.ibex.access.PasswordHasher;
import org.ibex.access.Sessions;
import org.ibex.access.UserRepository;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.audit.Signer;
import org.ibex.audit.SigningKeys;
import org.ibex.biometrics.BiometricRepository;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.ScoreThresholds;
import org.ibex.border.BorderService;
import org.ibex.border.HitReview;
import org.ibex.border.InspectionRules;
import org.ibex.border.PostRepository;
import org.ibex.border.StayPolicy;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleRepository;
import org.ibex.border.StayService;
import org.ibex.document.MrzParser;
import org.ibex.names.NameMatcher;
import org.ibex.store.DataFolder;
import org.ibex.store.Database;
import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.WatchlistRepository;
import org.ibex.watchlist.WatchlistService;
import org.ibex.web.Services;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** The composition root: one node's store and services, built with {@code new} in one visible place. */
final class Node implements AutoCloseable {
    /** Without a configured rule, third-country nationals get the Schengen-style short stay. */
    static final StayRule DEFAULT_RULE = StayRule.rolling(90, 180);
    final DataFolder folder;
    final Database database;
    final Services services;
    final StayRuleRepository stayRules;
    final ScreeningIndex screening;
    final Signer auditSigner;

    private Node(DataFolder folder, Database database, Services services, StayRuleRepository stayRules,
                 ScreeningIndex screening, Signer auditSigner) {
        this.folder = folder;
        this.database = database;
        this.services = services;
        this.stayRules = stayRules;
        this.screening = screening;
        this.auditSigner = auditSigner;
    }

    /** The key that signs audit checkpoints: made in the data folder at first start, loaded afterwards. */
    static Signer auditSigner(DataFolder folder) {
        return SigningKeys.openOrCreate(folder.root().resolve("keys"), folder.setting("key.passphrase", null));
    }

    static Node open(Path data, Map<String, String> environment, Clock clock) {
        DataFolder folder = DataFolder.open(data, environment);
        Database database = Database.open(folder.storeConfig());
        try {
            return assemble(folder, database, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Node assemble(DataFolder folder, Database database, Clock clock) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        UserRepository users = new UserRepository(database);
        Authenticator authenticator = new Authenticator(users, PasswordHasher.standard(),
                new LoginThrottle(5, Duration.ofMinutes(15), clock), new Sessions(Duration.ofHours(8), clock));
        PostRepository posts = new PostRepository(database);
        AccessLog accessLog = new AccessLog(database, new AuditLog(clock), clock);
        StayRuleRepository stayRules = new StayRuleRepository(database);
        Supplier<StayPolicy> policy = new CachedPolicy(stayRules, DEFAULT_RULE);
        MrzParser parser = new MrzParser(clock);
        WatchlistRepository watchlistRepository = new WatchlistRepository(database);
        ScreeningIndex screening = ScreeningIndex.load(watchlistRepository, new NameMatcher(), clock);
        BiometricRepository biometricRepository = new BiometricRepository();
        BiometricService biometrics = new BiometricService(database, biometricRepository,
                BiometricService.loadGallery(database, biometricRepository), ScoreThresholds.fvc2002(), accessLog, clock);
        BorderService border = new BorderService(database, parser, new InspectionRules(18), policy, posts, accessLog,
                screening, biometrics, clock);
        StayService stays = new StayService(database, policy, accessLog, clock);
        WatchlistService watchlists = new WatchlistService(watchlistRepository, screening, accessLog, clock);
        Services services = new Services(database, authenticator, users, posts, parser, border, stays,
                new HitReview(database, accessLog, clock), watchlists, biometrics, accessLog, metrics, clock);
        return new Node(folder, database, services, stayRules, screening, auditSigner(folder));
    }

    @Override
    public void close() {
        database.close();
    }

    /** Reads the stay rules once a few seconds at most, so an inspection does not query them every time. */
    private static final class CachedPolicy implements Supplier<StayPolicy> {
        private final StayRuleRepository rules;
        private final StayRule defaultRule;
        private volatile StayPolicy cached;
        private volatile long loadedAt;

        CachedPolicy(StayRuleRepository rules, StayRule defaultRule) {
            this.rules = rules;
            this.defaultRule = defaultRule;
        }

        @Override
        public StayPolicy get() {
            long now = System.nanoTime();
            StayPolicy policy = cached;
            if (policy == null || now - loadedAt > 5_000_000_000L) {
                policy = new StayPolicy(rules.all(), defaultRule);
                cached = policy;
                loadedAt = now;
            }
            return policy;
        }
    }
}
