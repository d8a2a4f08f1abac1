package org.ibex.web;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.ibex.access.Accounts;
import org.ibex.access.Actor;
import org.ibex.access.Authenticator;
import org.ibex.access.LoginThrottle;
import org.ibex.access.PasswordHasher;
import org.ibex.access.PasswordPolicy;
import org.ibex.access.Role;
import org.ibex.access.Sessions;
import org.ibex.access.User;
import org.ibex.access.UserRepository;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.biometrics.BiometricRepository;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.ExtractionGate;
import org.ibex.biometrics.ScoreThresholds;
import org.ibex.border.BorderService;
import org.ibex.border.HitReview;
import org.ibex.border.InspectionRules;
import org.ibex.border.PersonScope;
import org.ibex.border.Post;
import org.ibex.border.PostRepository;
import org.ibex.border.StayPolicy;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleKey;
import org.ibex.border.StayService;
import org.ibex.document.MrzParser;
import org.ibex.names.NameMatcher;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.WatchlistRepository;
import org.ibex.watchlist.WatchlistService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * A real node for API tests: a fresh database, two posts, one user per role, a server on a free loopback
 * port. Password hashing is made cheap here only to keep the suite fast; the production cost is in Node.
 */
public final class TestNode implements AutoCloseable {
    public static final String PASSWORD = "correct-horse-battery";
    /** DTM uploads the test node takes: 1 MiB, so a test can go over it; the Sudan JSON is 0.45 MiB. */
    static final long DTM_BYTES = 1 << 20;
    /** One matcher for the whole suite: it is immutable and loading its tables costs time. */
    static final NameMatcher MATCHER = new NameMatcher();
    /** One policy for the suite: it holds the common-password list. */
    static final PasswordPolicy POLICY = PasswordPolicy.standard();
    /** Who sets the test node up, as the shell's operator would. */
    static final Actor OPERATOR = new Actor(new User("cli:test", Role.ADMIN, null), "test set-up", "local");
    public final Database database;
    public final Services services;
    public final WebServer server;
    /** Two fingers at a time and a short wait, so a test can fill it and see the node answer 503 soon. */
    public final ExtractionGate extraction = new ExtractionGate(2, Duration.ofSeconds(5));
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public TestNode(Clock clock) {
        this(clock, null);
    }

    public TestNode(Clock clock, ServerSettings settings) {
        this(clock, settings, TestDatabases.fresh(), java.util.Optional.empty(), java.util.Optional.empty());
    }

    /**
     * A node on {@code database} (closed with the node) whose federation side, when present, a test started: the
     * exchange and the questions pillar, as {@code ibex serve} hands them to the API.
     */
    public TestNode(Clock clock, ServerSettings settings, Database database,
                    java.util.Optional<org.ibex.delivery.ExchangeNode> exchange,
                    java.util.Optional<org.ibex.inquiry.Inquiry> inquiry) {
        this(clock, settings, database, exchange, inquiry, java.util.Optional.empty());
    }

    /** As above, with the identity confirmation pillar the test attached to the same exchange. */
    public TestNode(Clock clock, ServerSettings settings, Database database,
                    java.util.Optional<org.ibex.delivery.ExchangeNode> exchange,
                    java.util.Optional<org.ibex.inquiry.Inquiry> inquiry,
                    java.util.Optional<org.ibex.confirmation.Confirmation> confirmation) {
        this.database = database;
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        UserRepository users = new UserRepository(database);
        Authenticator authenticator = new Authenticator(users, new PasswordHasher(64, 1, new SecureRandom()),
                LoginThrottle.standard(clock), Sessions.standard(clock));
        PostRepository posts = new PostRepository(database);
        AuditLog auditLog = new AuditLog(clock);
        AccessLog accessLog = new AccessLog(database, auditLog, clock);
        Accounts accounts = new Accounts(database, users, authenticator, POLICY, accessLog.forAccounts(),
                id -> posts.find(id).isPresent(), new SecureRandom(), clock);
        StayPolicy policy = new StayPolicy(Map.of(new StayRuleKey("UTO", null), StayRule.exempt(),
                new StayRuleKey(null, "VISA-C"), StayPolicy.VISA_TERMS), StayRule.rolling(90, 180));
        MrzParser parser = new MrzParser(clock);
        WatchlistRepository watchlistRepository = new WatchlistRepository(database);
        ScreeningIndex screening = ScreeningIndex.load(watchlistRepository, MATCHER, clock);
        BiometricService biometrics = new BiometricService(database, new BiometricRepository(),
                BiometricService.loadGallery(database, new BiometricRepository()), ScoreThresholds.fvc2002(), accessLog,
                new PersonScope(), extraction, clock);
        BorderService border = new BorderService(database, parser, new InspectionRules(18), () -> policy, posts,
                accessLog, screening, biometrics, clock);
        StayService stays = new StayService(database, () -> policy, accessLog, clock);
        services = new Services(database, authenticator, accounts, users, posts, parser, border, stays,
                new HitReview(database, accessLog, clock), new WatchlistService(database, watchlistRepository, screening,
                accessLog, clock), biometrics, accessLog, metrics, clock, exchange,
                java.util.Optional.empty(), inquiry.map(org.ibex.inquiry.Inquiry::agreements), inquiry,
                confirmation, new org.ibex.analytics.Flows(database, new org.ibex.analytics.FlowFolder(database, clock)),
                new org.ibex.displacement.Displacement(database, auditLog, accessLog, clock,
                new org.ibex.displacement.DtmLimits(DTM_BYTES, 5_000), org.ibex.displacement.SurgeRule.STANDARD));
        posts.add(new Post("POST-A", "Airport", Post.Kind.AIRPORT, ZoneId.of("Europe/Vilnius")));
        posts.add(new Post("POST-B", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
        addUser("officer.a", Role.OFFICER, "POST-A");
        addUser("officer.b", Role.OFFICER, "POST-B");
        addUser("supervisor.a", Role.SUPERVISOR, "POST-A");
        addUser("analyst", Role.ANALYST, null);
        addUser("admin", Role.ADMIN, null);
        addUser("list.manager", Role.LIST_MANAGER, null);
        server = WebServer.start(settings == null ? new ServerSettings("127.0.0.1", 0, null, null) : settings, services);
    }

    /** Adds a user with the suite's password, as the shell's operator would. */
    public void addUser(String name, Role role, String post) {
        services.accounts().createWithPassword(OPERATOR, name, role.label(), post, PASSWORD);
    }

    /** Logs in and returns the bearer token. */
    public String login(String username) {
        HttpResponse<String> response = send("POST", "/api/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response.body());
        }
        String body = response.body();
        int start = body.indexOf("\"token\":\"") + 9;
        return body.substring(start, body.indexOf('"', start));
    }

    /** Sends a request with an optional bearer token and JSON body. */
    public HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
