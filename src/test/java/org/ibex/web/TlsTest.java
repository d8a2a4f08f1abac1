package org.ibex.web;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsTest {
    private static final char[] PASSWORD = "keystore-secret".toCharArray();

    @Test
    void servesHttpsWithTls13WhenGivenAPkcs12CertificateAndKey() throws Exception {
        Path keystore = Files.createTempDirectory("ibex-tls").resolve("node.p12");
        SelfSignedCertificate.create(keystore, PASSWORD, "localhost", Duration.ofDays(1));
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, keystore, new String(PASSWORD));
        try (TestNode node = new TestNode(Clock.systemUTC(), settings)) {
            assertThat(node.server.baseUrl()).startsWith("https://127.0.0.1:");
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
            HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(URI.create(node.server.baseUrl() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.sslSession()).isPresent();
            assertThat(health.sslSession().get().getProtocol()).isEqualTo("TLSv1.3");

            HttpClient untrusting = HttpClient.newHttpClient();
            assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create(node.server.baseUrl() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()))
                    .as("a client that does not trust the node's certificate cannot talk to it")
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);

            String plain = node.server.baseUrl().replace("https://", "http://");
            int cleartextStatus;
            try {
                cleartextStatus = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(plain + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (java.io.IOException refused) {
                cleartextStatus = -1;
            }
            assertThat(cleartextStatus).as("plain HTTP on the TLS port is not served").isNotEqualTo(200);
        }
    }

    @Test
    void tls12OffersOnlyForwardSecretAeadSuitesAndAnswersCarryHsts() throws Exception {
        Path keystore = Files.createTempDirectory("ibex-tls").resolve("node.p12");
        SelfSignedCertificate.create(keystore, PASSWORD, "localhost", Duration.ofDays(1));
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, keystore, new String(PASSWORD));
        if (keystore.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)))
                    .as("the TLS private key is the node account's alone").isEqualTo("rw-------");
        }
        try (TestNode node = new TestNode(Clock.systemUTC(), settings)) {
            SSLContext context = trusting(keystore);
            assertThat(handshake(context, node.server.port(), "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"))
                    .as("a TLS 1.2 client offering only CBC suites is refused").isNull();
            assertThat(handshake(context, node.server.port(), "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))
                    .as("a TLS 1.2 client with an AEAD suite is served").isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");

            HttpResponse<String> health = HttpClient.newBuilder().sslContext(context).build().send(
                    HttpRequest.newBuilder(URI.create(node.server.baseUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.headers().firstValue("Strict-Transport-Security")).as("browsers stay on HTTPS")
                    .hasValue("max-age=31536000");
        }
    }

    /** The suite a TLS 1.2 handshake offering only {@code suites} settles on, or null when the server refuses. */
    private static String handshake(SSLContext context, int port, String... suites) throws Exception {
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            socket.setEnabledProtocols(new String[]{"TLSv1.2"});
            socket.setEnabledCipherSuites(suites);
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        } catch (javax.net.ssl.SSLException refused) {
            return null;
        }
    }

    @Test
    void refusesPlainHttpOnAnyAddressButLoopback() {
        assertThatThrownBy(() -> new ServerSettings("0.0.0.0", 8080, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain HTTP is allowed only on loopback")
                .hasMessageContaining("--tls-keystore");
        assertThat(new ServerSettings("127.0.0.1", 0, null, null).tls()).isFalse();
        assertThat(new ServerSettings("localhost", 0, null, null).tls()).isFalse();
        assertThat(new ServerSettings("::1", 0, null, null).tls()).isFalse();
    }

    @Test
    void refusesAMissingKeystoreFileWithItsName() {
        assertThatThrownBy(() -> new ServerSettings("0.0.0.0", 8443, Path.of("/nonexistent/node.p12"), "x"))
                .hasMessageContaining("/nonexistent/node.p12");
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("node", store.getCertificate("ibex"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
