package org.ibex.delivery;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLContext;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The federation endpoint: {@code POST /exchange/v1/messages} and {@code /exchange/v1/batches} over mutual TLS 1.3,
 * handled by an {@link Inbox}; {@code GET /exchange/v1/directory}, the signed directory this node holds; and
 * {@code POST /exchange/v1/echo}, a link check that answers with the body it got.
 */
public final class InboxServer implements AutoCloseable {
    public static final String PATH = "/exchange/v1/messages";
    public static final String BATCH_PATH = "/exchange/v1/batches";
    /**
     * Answers 200 with the request body: lets an operator (and {@code ibex bench exchange}) time the bare mutual-TLS
     * round trip to a peer, the same connector and handshake without signing, storage or audit.
     */
    public static final String ECHO_PATH = "/exchange/v1/echo";
    /** A link check needs no more; a larger body is refused so an echo cannot be used to move bulk data. */
    public static final int MAX_ECHO_BYTES = 1 << 20;
    private static final int MAX_REQUEST_BYTES = 64 << 20;

    private final Javalin app;
    private final ServerConnector[] connector;

    private InboxServer(Javalin app, ServerConnector[] connector) {
        this.app = app;
        this.connector = connector;
    }

    /**
     * Starts listening on {@code host:port} (0 for any free port) with the node's federation SSLContext
     * ({@code Federation.sslContext}); clients without a federation certificate fail the handshake.
     */
    public static InboxServer start(String host, int port, SSLContext tls, Inbox inbox, DirectoryPull directory,
                                    PeerContact contact) {
        ServerConnector[] holder = new ServerConnector[1];
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            config.jetty.addConnector((server, http) -> {
                holder[0] = connector(server, http, tls, host, port);
                return holder[0];
            });
        });
        // Both sides name the directory they hold on every exchange, so a newer one spreads with the traffic.
        app.before(ctx -> {
            inbox.identify(peerChain(ctx)).ifPresent(peer -> contact.heardFrom(peer,
                    ctx.header(DirectoryPull.HEADER)));
            ctx.header(DirectoryPull.HEADER, Long.toString(directory.inForce()));
        });
        app.post(PATH, ctx -> answer(ctx, inbox));
        app.post(BATCH_PATH, ctx -> answerBatch(ctx, inbox));
        app.post(ECHO_PATH, InboxServer::echo);
        app.get(DirectoryPull.PATH, ctx -> answerDirectory(ctx, directory));
        app.start();
        return new InboxServer(app, holder);
    }

    private static void answer(Context ctx, Inbox inbox) {
        InboxReply reply = inbox.receive(ctx.bodyAsBytes(), peerChain(ctx));
        ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
    }

    private static void answerBatch(Context ctx, Inbox inbox) {
        List<byte[]> wires;
        try {
            wires = Frames.decode(ctx.bodyAsBytes());
        } catch (IllegalArgumentException e) {
            InboxReply reply = InboxReply.rejected(400, "malformed", e.getMessage());
            ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
            return;
        }
        ctx.contentType(Frames.CONTENT_TYPE).result(inbox.receive(wires, peerChain(ctx)).toWire());
    }

    private static void answerDirectory(Context ctx, DirectoryPull directory) {
        Optional<byte[]> signed = directory.signed();
        if (signed.isEmpty()) {
            ctx.status(404).contentType("text/plain").result("this node holds no signed directory to pass on");
            return;
        }
        ctx.contentType("application/json").result(signed.get());
    }

    private static void echo(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_ECHO_BYTES) {
            ctx.status(413).contentType("text/plain").result("echo takes at most " + MAX_ECHO_BYTES + " bytes, got "
                    + body.length);
            return;
        }
        ctx.contentType("application/octet-stream").result(body);
    }

    private static X509Certificate[] peerChain(Context ctx) {
        Object chain = ctx.req().getAttribute("jakarta.servlet.request.X509Certificate");
        return chain instanceof X509Certificate[] certificates ? certificates : new X509Certificate[0];
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, SSLContext tls, String host,
                                             int port) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(tls);
        factory.setNeedClientAuth(true);
        factory.setIncludeProtocols("TLSv1.3");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Peers are named by their client certificates and often reached by IP address; SNI adds nothing here.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(factory, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    public int port() {
        return connector[0].getLocalPort();
    }

    @Override
    public void close() {
        app.stop();
    }
}
