package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.ibex.store.Json;

import java.util.List;
import java.util.function.Consumer;

/** The node's HTTP server: one Javalin app whose routes are the endpoint list of {@link Api}. */
public final class WebServer implements AutoCloseable {
    /**
     * TLS 1.3's suites and TLS 1.2's forward-secret AEAD ones only: CBC suites (Lucky 13, padding oracles) and
     * static RSA key exchange are out, as in Mozilla's "intermediate" profile.
     */
    static final String[] AEAD_SUITES = {
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"};
    private final Javalin app;
    private final ServerSettings settings;

    private WebServer(Javalin app, ServerSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    public static WebServer start(ServerSettings settings, Services services) {
        return start(settings, services, List.of());
    }

    /**
     * Starts the API with further routes mounted beside it (the web application's screens), before the error
     * mappings, so that a page's own handlers answer first.
     */
    public static WebServer start(ServerSettings settings, Services services, List<Consumer<Javalin>> mounts) {
        ObjectMapper mapper = Json.mapper();
        Api api = new Api(services, mapper);
        List<Endpoint> endpoints = api.endpoints();
        Guard guard = new Guard(services.authenticator());
        RequestMetrics requestMetrics = new RequestMetrics(services.metrics());
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = 1 << 20;
            // A known path asked with the wrong method is a 405 naming the methods it takes, not a 404.
            config.http.prefer405over404 = true;
            // Screens' uploads (finger images, ANSI/NIST files, list imports): bounded before any byte is decoded,
            // spooled to disk past 1 MiB so ten fingers at once do not sit on the heap.
            config.jetty.multipartConfig.maxFileSize(24, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(32, SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.requestLogger.http(requestMetrics::record);
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.addConnector((server, http) -> connector(server, http, settings));
        });
        SecurityHeaders headers = new SecurityHeaders(settings.tls());
        app.before(headers::apply);
        for (Endpoint endpoint : endpoints) {
            app.addHttpHandler(endpoint.method(), endpoint.path(), guard.wrap(endpoint));
        }
        mounts.forEach(mount -> mount.accept(app));
        Errors.register(app);
        app.start();
        return new WebServer(app, settings);
    }

    private static ServerConnector connector(org.eclipse.jetty.server.Server server, HttpConfiguration http,
                                             ServerSettings settings) {
        ServerConnector connector;
        if (settings.tls()) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(settings.keystore().toString());
            tls.setKeyStoreType("PKCS12");
            tls.setKeyStorePassword(settings.keystorePassword());
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            tls.setIncludeCipherSuites(AEAD_SUITES);
            HttpConfiguration https = new HttpConfiguration(http);
            https.addCustomizer(new SecureRequestCustomizer());
            connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                    new HttpConnectionFactory(https));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return (settings.tls() ? "https" : "http") + "://" + host + ":" + port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
