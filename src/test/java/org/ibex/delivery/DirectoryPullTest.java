package org.ibex.delivery;

import org.ibex.trust.Membership;
import org.ibex.trust.NodeIdentity;
import org.ibex.delivery.RunningNodes.Running;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Running nodes take up a newer federation directory without a restart: from the operator's file, then each other. */
class DirectoryPullTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String POST = "UTO/IMM/POST-ARL";
    private static final String LAND = "UTO/IMM/POST-LND";

    @TempDir
    Path dir;
    private RunningNodes nodes;
    private TestFederation pki;

    @BeforeEach
    void federation() throws Exception {
        nodes = new RunningNodes(dir);
        pki = new TestFederation(RunningNodes.endpoints(HQ, POST, LAND));
    }

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    @Test
    void aDirectoryInstalledAtOneNodeSpreadsWithTheTrafficAndItsRevocationTakesEffectAtOnce() throws Exception {
        Running hq = nodes.start(pki, HQ);
        Running post = nodes.start(pki, POST);
        Running land = nodes.start(pki, LAND);
        byte[] second = pki.directory(2, LAND);

        Files.write(hq.membership().resolve(Membership.DIRECTORY), second);
        DirectoryPull.Pulled installed = hq.exchange().directory().reloadFile();

        assertThat(installed.outcome()).isEqualTo(DirectoryPull.Outcome.ADOPTED);
        assertThat(hq.exchange().directory().inForce()).isEqualTo(2);
        assertThat(post.exchange().directory().inForce()).as("nobody told the post yet").isEqualTo(1);

        // A ping to HQ: HQ's reply names directory 2, and the post fetches it from HQ.
        post.exchange().send(post.exchange().message(NodeIdentity.parse(HQ), "exchange.ping", "link check",
                "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
        // Done once it is kept on disk and audited, which follows putting it in force.
        RunningNodes.await("the post adopts directory 2", () -> post.exchange().directory().lastAdopted().isPresent());

        assertThat(post.exchange().directory().inForce()).isEqualTo(2);
        assertThat(post.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.directory-adopted'"
                + " AND actor = '" + HQ + "' AND subject = 'directory 2'")).isEqualTo(1);
        assertThat(Files.readAllBytes(post.membership().resolve(Membership.DIRECTORY)))
                .as("kept for the next start").isEqualTo(second);
        assertThat(Membership.load(post.membership(), TestFederation.PASSPHRASE, Clock.systemUTC()).federation()
                .directory().sequence()).isEqualTo(2);
        // The land post, revoked in directory 2, can no longer reach the post, which never restarted.
        SSLContext landTls = land.exchange().membership().sslContext();
        assertThatThrownBy(() -> get(landTls, pki.node(POST).endpoint().resolve(DirectoryPull.PATH)))
                .isInstanceOfAny(SSLHandshakeException.class, IOException.class);
        assertThat(get(post.exchange().membership().sslContext(), pki.node(HQ).endpoint().resolve(DirectoryPull.PATH))
                .statusCode()).as("while the post still reaches HQ").isEqualTo(200);
    }

    @Test
    void anIdleNodeAsksItsPeersInTurn() throws Exception {
        Running hq = nodes.start(pki, HQ);
        Running post = nodes.start(pki, POST);
        byte[] second = pki.directory(2);
        assertThat(hq.exchange().directory().adopt("operator", second).outcome())
                .isEqualTo(DirectoryPull.Outcome.ADOPTED);

        post.exchange().directory().periodic();

        assertThat(post.exchange().directory().inForce()).isEqualTo(2);
        assertThat(post.exchange().directory().last()).hasValueSatisfying(pulled -> {
            assertThat(pulled.source()).isEqualTo(HQ);
            assertThat(pulled.outcome()).isEqualTo(DirectoryPull.Outcome.ADOPTED);
        });
        HttpResponse<byte[]> served = get(post.exchange().membership().sslContext(),
                pki.node(HQ).endpoint().resolve(DirectoryPull.PATH));
        assertThat(served.body()).as("what a peer fetches is the signed directory, byte for byte").isEqualTo(second);
        assertThat(served.headers().firstValue(DirectoryPull.HEADER)).hasValue("2");
    }

    @Test
    void aDirectoryThatDoesNotVerifyIsRefusedAuditedAndChangesNothing() throws Exception {
        Running hq = nodes.start(pki, HQ);
        Running post = nodes.start(pki, POST);
        TestFederation impostor = new TestFederation(RunningNodes.endpoints(HQ, POST));
        byte[] forged = impostor.directory(7, POST);
        byte[] tampered = pki.directory(3, POST);
        tampered[tampered.length / 3] ^= 0x20;

        assertThat(hq.exchange().directory().adopt("operator", forged).outcome())
                .isEqualTo(DirectoryPull.Outcome.REFUSED);
        assertThat(hq.exchange().directory().adopt(POST, tampered).outcome())
                .isEqualTo(DirectoryPull.Outcome.REFUSED);
        assertThat(hq.exchange().directory().adopt("operator", pki.signedDirectory).outcome())
                .as("the directory in force").isEqualTo(DirectoryPull.Outcome.CURRENT);

        assertThat(hq.exchange().directory().inForce()).isEqualTo(1);
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.directory-refused'"))
                .isEqualTo(2);
        assertThat(Files.readAllBytes(hq.membership().resolve(Membership.DIRECTORY))).isEqualTo(pki.signedDirectory);
        assertThat(hq.exchange().membership().federation().identify(
                pki.node(POST).chain().toArray(java.security.cert.X509Certificate[]::new))).isPresent();
    }

    @Test
    void anOlderDirectoryIsNeverTakenBackFromAPeerOrAFile() throws Exception {
        Running hq = nodes.start(pki, HQ);
        byte[] third = pki.directory(3);
        hq.exchange().directory().adopt("operator", third);

        assertThat(hq.exchange().directory().adopt("operator", pki.directory(2, POST)).outcome())
                .isEqualTo(DirectoryPull.Outcome.CURRENT);
        Files.write(hq.membership().resolve(Membership.DIRECTORY), pki.signedDirectory);
        Files.setLastModifiedTime(hq.membership().resolve(Membership.DIRECTORY),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        assertThat(hq.exchange().directory().reloadFile().outcome()).isEqualTo(DirectoryPull.Outcome.CURRENT);
        assertThat(hq.exchange().directory().inForce()).isEqualTo(3);
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind LIKE 'exchange.directory-%'"))
                .as("one adoption; a rollback is not an attack worth an entry").isEqualTo(1);
    }

    private static HttpResponse<byte[]> get(SSLContext tls, URI uri) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
