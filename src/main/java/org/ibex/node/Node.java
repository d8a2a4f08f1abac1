package org.ibex.node;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.ibex.access.Accounts;
import org.ibex.access.Authenticator;
import org.ibex.access.LoginThrottle;
import org.ibex.access.PasswordHasher;
import org.ibex.access.PasswordPolicy;
import org.ibex.access.Sessions;
import org.ibex.access.UserRepository;
import org.ibex.agreement.AgreementBook;
import org.ibex.confirmation.Confirmation;
import org.ibex.inquiry.Inquiry;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.displacement.Displacement;
import org.ibex.audit.Signer;
import org.ibex.audit.SigningKeys;
import org.ibex.biometrics.BiometricRepository;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.ExtractionGate;
import org.ibex.biometrics.ScoreThresholds;
import org.ibex.border.AgencyChecks;
import org.ibex.border.BorderService;
import org.ibex.border.CrossingRecords;
import org.ibex.border.DispositionRecords;
import org.ibex.journal.RecordApplier;
import org.ibex.journal.RecordKinds;
import org.ibex.replication.FederationRoles;
import org.ibex.replication.Replication;
import org.ibex.sync.SyncSettings;
import org.ibex.sync.SyncStatus;
import org.ibex.trust.NodeIdentity;
import org.ibex.border.CrossingTime;
import org.ibex.border.HitReview;
import org.ibex.border.InspectionRules;
import org.ibex.border.PersonScope;
import org.ibex.border.PostRepository;
import org.ibex.border.ReferenceFreshness;
import org.ibex.reference.ReferenceData;
import org.ibex.reference.ReferenceSettings;
import org.ibex.watchlist.ListReplicas;
import org.ibex.border.StayPolicy;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleRepository;
import org.ibex.border.StayService;
import org.ibex.analytics.FlowFolder;
import org.ibex.analytics.Flows;
import org.ibex.document.MrzParser;
import org.ibex.names.NameMatcher;
import org.ibex.store.DataFolder;
import org.ibex.store.Database;
import org.ibex.watchlist.KeyedListFiles;
import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.WatchlistRepository;
import org.ibex.watchlist.WatchlistService;
import org.ibex.web.Services;

import org.ibex.trust.DirectoryException;
import org.ibex.trust.Membership;
import org.ibex.trust.Passphrase;
import org.ibex.delivery.CheckpointWitness;
import org.ibex.delivery.ExchangeNode;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The composition root: one node's store and services, built with {@code new} in one visible place. */
public final class Node implements AutoCloseable {
    /** Without a configured rule, third-country nationals get the Schengen-style short stay. */
    public static final StayRule DEFAULT_RULE = StayRule.rolling(90, 180);
    public final DataFolder folder;
    public final Database database;
    public final Services services;
    public final StayRuleRepository stayRules;
    public final ScreeningIndex screening;
    public final Signer auditSigner;
    public final Optional<ExchangeNode> exchange;
    public final NodeSettings settings;
    /** Replication to or from headquarters, on a node of a federation. */
    public final Optional<Replication> replication;
    /** Reference data from headquarters to posts, on a node of a federation. */
    public final Optional<ReferenceData> reference;
    /** Folds the flow deltas into the roll-ups while the node is open. */
    private final AutoCloseable folding;

    private Node(DataFolder folder, NodeSettings settings, Database database, Services services,
                 StayRuleRepository stayRules, ScreeningIndex screening, Signer auditSigner,
                 Optional<ExchangeNode> exchange, Optional<Replication> replication,
                 Optional<ReferenceData> reference) {
        this.replication = replication;
        this.reference = reference;
        this.folder = folder;
        this.settings = settings;
        this.database = database;
        this.services = services;
        this.stayRules = stayRules;
        this.screening = screening;
        this.auditSigner = auditSigner;
        this.exchange = exchange;
        this.folding = services.flows().folder().foldEvery(java.time.Duration.ofSeconds(2));
    }

    /** The key that signs audit checkpoints: made in the data folder at first start, loaded afterwards. */
    public static Signer auditSigner(DataFolder folder) {
        return SigningKeys.openOrCreate(folder.root().resolve("keys"), folder.setting("key.passphrase", null));
    }

    public static Node open(Path data, Map<String, String> environment, Clock clock) {
        DataFolder folder = DataFolder.open(data, environment);
        NodeSettings settings = NodeSettings.read(folder);
        Database database = Database.open(folder.storeConfig());
        try {
            Node node = assemble(folder, settings, database, clock);
            // After the database and the audit key exist: H2 made its files under the process's umask.
            folder.restrict();
            return node;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Node assemble(DataFolder folder, NodeSettings settings, Database database, Clock clock) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        UserRepository users = new UserRepository(database);
        Authenticator authenticator = new Authenticator(users, PasswordHasher.standard(),
                LoginThrottle.standard(clock), Sessions.standard(clock));
        PostRepository posts = new PostRepository(database);
        AuditLog auditLog = new AuditLog(clock);
        AccessLog accessLog = new AccessLog(database, auditLog, clock);
        Accounts accounts = new Accounts(database, users, authenticator, PasswordPolicy.standard(), accessLog.forAccounts(),
                id -> posts.find(id).isPresent(), new SecureRandom(), clock);
        Optional<ExchangeNode> exchange = exchange(folder, settings, database, auditLog, clock);
        StayRuleRepository stayRules = new StayRuleRepository(database);
        Supplier<StayPolicy> policy = new CachedPolicy(stayRules, DEFAULT_RULE);
        MrzParser parser = new MrzParser(clock);
        WatchlistRepository watchlistRepository = new WatchlistRepository(database);
        ScreeningIndex screening = ScreeningIndex.load(watchlistRepository, new NameMatcher(), clock,
                keyedLists(folder, database));
        BiometricRepository biometricRepository = new BiometricRepository();
        BiometricService biometrics = new BiometricService(database, biometricRepository,
                BiometricService.loadGallery(database, biometricRepository), ScoreThresholds.fvc2002(), accessLog,
                new PersonScope(), ExtractionGate.forCores(), clock);
        ReferenceSettings referenceSettings = ReferenceSettings.read(folder);
        Optional<ReferenceData> reference = exchange.map(x -> ReferenceData.attach(x, database,
                new ListReplicas(watchlistRepository, screening), biometrics.wanted(), accessLog, referenceSettings, headquarters(folder),
                clock));
        Optional<Inquiry> inquiry = exchange.map(x -> Inquiry.attach(x, database, agreements(x, database, accessLog,
                clock), screening, biometrics, accessLog, auditLog, clock));
        Optional<Confirmation> confirmation = exchange.flatMap(x -> inquiry.map(i -> Confirmation.attach(x, database,
                i, biometrics, screening, accessLog, auditLog, clock)));
        BorderService border = new BorderService(database, parser, new InspectionRules(18), policy, posts, accessLog,
                screening, biometrics, clock, new CrossingTime(settings.maxSkew()),
                reference.map(ReferenceData::freshness).orElse(ReferenceFreshness.NONE),
                inquiry.map(i -> i.inspections(settings.agencyWait())).orElse(AgencyChecks.NONE));
        StayService stays = new StayService(database, policy, accessLog, clock);
        WatchlistService watchlists = new WatchlistService(database, watchlistRepository, screening, accessLog, clock);
        Optional<SyncStatus> sync = exchange.map(x -> syncStatus(folder, database, x, clock));
        Services services = new Services(database, authenticator, accounts, users, posts, parser, border, stays,
                new HitReview(database, accessLog, clock, settings.clearance()), watchlists, biometrics, accessLog, metrics, clock,
                exchange, sync, inquiry.map(Inquiry::agreements), inquiry, confirmation, flows(database, clock),
                displacement(folder, database, auditLog, accessLog, clock));
        exchange.ifPresent(node -> ExchangeMetrics.bind(node, metrics));
        sync.ifPresent(status -> SyncMetrics.bind(status, metrics));
        StoreMetrics.bind(database, metrics);
        Map<String, RecordApplier> appliers = new HashMap<>(biometrics.recordAppliers());
        appliers.put(RecordKinds.CROSSING, new CrossingRecords());
        appliers.put(RecordKinds.DISPOSITION, new DispositionRecords());
        Optional<Replication> replication = exchange.map(x -> Replication.attach(x, database, appliers,
                stays.alerts()::reconsider,
                headquarters(folder), clock));
        // Headquarters also sweeps: a stay runs past its limit with no record arriving at all.
        replication.filter(r -> r.roles().isHeadquarters()).ifPresent(r -> exchange.get().registerLoop(
                "overstay-sweep", settings.alertSweep(), () -> stays.alerts().sweep(stays.today())));
        return new Node(folder, settings, database, services, stayRules, screening, auditSigner(folder), exchange,
                replication, reference);
    }

    /** The border flows, their roll-ups counting the crossings of an older store once before the node serves. */
    static Flows flows(Database database, Clock clock) {
        FlowFolder folder = new FlowFolder(database, clock);
        folder.rebuildIfNeverBuilt();
        return new Flows(database, folder);
    }

    /**
     * Where the screening index keeps its lists keyed between starts: {@code watchlist.keyed-lists} (a folder), by
     * default {@code DATA/keyed-lists}; {@code none} keeps nothing. Not kept beside an encrypted store: the files
     * hold the listed names in clear.
     */
    static KeyedListFiles keyedLists(DataFolder folder, Database database) {
        String setting = folder.setting("watchlist.keyed-lists", null);
        if ("none".equals(setting) || folder.storePassphrase() != null && setting == null) {
            return KeyedListFiles.none();
        }
        return KeyedListFiles.in(setting == null ? folder.root().resolve(DataFolder.KEYED_LISTS) : Path.of(setting),
                database);
    }

    /** The node's federation membership when DATA/exchange holds one ({@code ibex exchange join}). */
    public static Optional<ExchangeNode> exchange(DataFolder folder, NodeSettings settings, Database database,
                                                  AuditLog audit, Clock clock) {
        Path dir = exchangeFolder(folder);
        if (!Membership.present(dir)) {
            return Optional.empty();
        }
        try {
            Membership membership = Membership.load(dir, passphrase(folder), clock);
            ExchangeNode exchange = new ExchangeNode(database, audit, membership, clock, settings.exchangeMaxAge(),
                    Map.of());
            exchange.register(CheckpointWitness.TYPE, new CheckpointWitness(audit, clock));
            return Optional.of(exchange);
        } catch (IOException | GeneralSecurityException | DirectoryException e) {
            throw new IllegalStateException("cannot join the federation from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The agreements of a federated node, checked against its federation's anchor and revocations. */
    private static Displacement displacement(DataFolder folder, Database database, AuditLog auditLog,
                                             AccessLog accessLog, Clock clock) {
        DisplacementSettings settings = DisplacementSettings.read(folder);
        return new Displacement(database, auditLog, accessLog, clock, settings.limits(), settings.surges());
    }

    public static AgreementBook agreements(ExchangeNode exchange, Database database, AccessLog accessLog, Clock clock) {
        org.ibex.trust.Federation federation = exchange.membership().federation();
        return new AgreementBook(database, accessLog, exchange.node(), federation::anchor, federation::isRevoked, clock);
    }

    /** The sync state of a federated node, with its settings; for {@code ibex sync status} on a stopped node too. */
    public static SyncStatus syncStatus(DataFolder folder, Database database, ExchangeNode exchange, Clock clock) {
        return new SyncStatus(database, new FederationRoles(exchange.node(),
                () -> exchange.membership().federation().directory().nodes(), headquarters(folder)),
                SyncSettings.read(folder), clock);
    }

    /** {@code replication.headquarters}: the node a post replicates to, when not its agency's {@code …/HQ}. */
    static NodeIdentity headquarters(DataFolder folder) {
        String named = folder.setting("replication.headquarters", null);
        try {
            return named == null || named.isBlank() ? null : NodeIdentity.parse(named.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("replication.headquarters must name a node as STATE/AGENCY/UNIT (got '"
                    + named + "'; set in ibex.properties or " + DataFolder.variable("replication.headquarters") + ")");
        }
    }

    public static Path exchangeFolder(DataFolder folder) {
        return folder.root().resolve("exchange");
    }

    /** The node key's passphrase: $IBEX_PKI_PASSPHRASE, pki.passphrase, or the file named by pki.passphrase-file. */
    public static Passphrase passphrase(DataFolder folder) throws IOException {
        String file = folder.setting("pki.passphrase-file", null);
        if (file != null) {
            return Passphrase.resolve(Path.of(file), Map.of());
        }
        return Passphrase.of(folder.setting("pki.passphrase", null));
    }

    @Override
    public void close() {
        exchange.ifPresent(ExchangeNode::close);
        try {
            folding.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop folding the flow roll-ups", e);
        }
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
