package org.ibex.trust;

import org.ibex.web.SelfSignedCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real TLS 1.3 handshakes on loopback between nodes of a federation made by the code under test. */
class MutualTlsTest {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    Path dir;

    // TLS checks certificate dates against the system clock, so this federation lives in real time.
    private final TestPki pki = new TestPki("Federation root", Clock.systemUTC());
    private final Federation federation = pki.federation(List.of(), Clock.systemUTC());

    MutualTlsTest() throws Exception {
    }

    @Test
    void serverSeesTheNodeIdOfAFederationClient() throws Exception {
        SSLContext server = federation.sslContext(saved("UTO/POLICE/HQ", "server"), TestPki.PASSPHRASE);
        SSLContext client = federation.sslContext(saved("UTO/IMM/POST-ARL", "client"), TestPki.PASSPHRASE);

        Outcome outcome = handshake(server, client);

        assertThat(outcome.server()).as(outcome.toString()).isEqualTo("TLSv1.3 UTO/IMM/POST-ARL");
        assertThat(outcome.client()).as("the client reads what the server saw").isEqualTo("TLSv1.3 UTO/IMM/POST-ARL");
    }

    @Test
    void clientWithSelfSignedCertificateFailsTheHandshake() throws Exception {
        Path keystore = dir.resolve("self.p12");
        SelfSignedCertificate.create(keystore, PASSWORD, "localhost", Duration.ofDays(1));

        Outcome outcome = handshake(serverContext(), attacker(keystore, "ibex"));

        assertThat(outcome.server()).as(outcome.toString()).startsWith("failed").contains("certification path");
    }

    @Test
    void clientFromAnotherFederationFailsTheHandshake() throws Exception {
        NodeCredentials stranger = new TestPki("Other federation root", Clock.systemUTC()).node("UTO/IMM/POST-ARL");
        stranger.save(dir.resolve("stranger"), TestPki.PASSPHRASE);

        Outcome outcome = handshake(serverContext(), attacker(dir.resolve("stranger/node.p12"), "node"));

        assertThat(outcome.server()).as(outcome.toString()).startsWith("failed").contains("certification path");
    }

    @Test
    void clientWithoutCertificateFailsTheHandshake() throws Exception {
        SSLContext anonymous = SSLContext.getInstance("TLSv1.3");
        anonymous.init(null, new TrustManager[]{new TrustingEveryone()}, new SecureRandom());

        Outcome outcome = handshake(serverContext(), anonymous);

        assertThat(outcome.server()).as(outcome.toString()).startsWith("failed");
    }

    @Test
    void clientWithRevokedCertificateFailsTheHandshake() throws Exception {
        NodeCredentials post = pki.node("UTO/IMM/POST-ARL");
        post.save(dir.resolve("client"), TestPki.PASSPHRASE);
        Federation revoking = pki.federation(List.of(TestPki.revoked(post, RevocationReason.KEY_COMPROMISE)),
                Clock.systemUTC());
        SSLContext server = revoking.sslContext(saved("UTO/POLICE/HQ", "server"), TestPki.PASSPHRASE);

        Outcome outcome = handshake(server, federation.sslContext(dir.resolve("client/node.p12"), TestPki.PASSPHRASE));

        assertThat(outcome.server()).as(outcome.toString()).startsWith("failed").contains("revoked");
    }

    @Test
    void clientRefusesAServerFromAnotherFederation() throws Exception {
        NodeCredentials impostor = new TestPki("Other federation root", Clock.systemUTC()).node("UTO/POLICE/HQ");
        impostor.save(dir.resolve("impostor"), TestPki.PASSPHRASE);
        Federation theirs = new Federation(impostor.chain().get(impostor.chain().size() - 1),
                federation.directory(), Clock.systemUTC());
        SSLContext server = theirs.sslContext(dir.resolve("impostor/node.p12"), TestPki.PASSPHRASE);

        Outcome outcome = handshake(server, federation.sslContext(saved("UTO/IMM/POST-ARL", "client"),
                TestPki.PASSPHRASE));

        assertThat(outcome.client()).as(outcome.toString()).startsWith("failed");
    }

    private SSLContext serverContext() throws Exception {
        return federation.sslContext(saved("UTO/POLICE/HQ", "server"), TestPki.PASSPHRASE);
    }

    private Path saved(String node, String folder) throws Exception {
        pki.node(node).save(dir.resolve(folder), TestPki.PASSPHRASE);
        return dir.resolve(folder).resolve(NodeCredentials.KEY_STORE);
    }

    /** What each side saw: "PROTOCOL NODE-ID", "unidentified", or "failed: reason". */
    private record Outcome(String server, String client) {
    }

    private Outcome handshake(SSLContext serverContext, SSLContext clientContext) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            CompletableFuture<String> server = CompletableFuture.supplyAsync(() -> serve(listener));
            String client;
            try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                String line = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                client = line == null ? "failed: connection closed" : line;
            } catch (IOException e) {
                client = "failed: " + e;
            }
            return new Outcome(server.get(20, TimeUnit.SECONDS), client);
        }
    }

    private String serve(SSLServerSocket listener) {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            Certificate[] peer = socket.getSession().getPeerCertificates();
            String seen = socket.getSession().getProtocol() + " " + federation.identify(Arrays.stream(peer)
                    .map(X509Certificate.class::cast).toArray(X509Certificate[]::new))
                    .map(NodeIdentity::toString).orElse("unidentified");
            socket.getOutputStream().write((seen + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return seen;
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    /** A client that trusts any server and presents its certificate whatever CAs the server asks for. */
    private static SSLContext attacker(Path keystore, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, PASSWORD);
        X509ExtendedKeyManager keys = (X509ExtendedKeyManager) factory.getKeyManagers()[0];
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(new KeyManager[]{new Insisting(keys, alias)}, new TrustManager[]{new TrustingEveryone()},
                new SecureRandom());
        return context;
    }

    private static final class Insisting extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager keys;
        private final String alias;

        Insisting(X509ExtendedKeyManager keys, String alias) {
            this.keys = keys;
            this.alias = alias;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, javax.net.ssl.SSLEngine engine) {
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[]{alias};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[]{alias};
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public X509Certificate[] getCertificateChain(String name) {
            return keys.getCertificateChain(name);
        }

        @Override
        public PrivateKey getPrivateKey(String name) {
            return keys.getPrivateKey(name);
        }
    }

    private static final class TrustingEveryone implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
