package org.ibex.delivery;

import org.ibex.delivery.RunningNodes.Running;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The federation endpoint's link check and directory route against odd and hostile requests from a member. */
class InboxServerTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String POST = "UTO/IMM/POST-ARL";

    @TempDir
    Path dir;
    private RunningNodes nodes;
    private TestFederation pki;
    private Running hq;
    private SSLContext postTls;

    @BeforeEach
    void hq() throws Exception {
        nodes = new RunningNodes(dir);
        pki = new TestFederation(RunningNodes.endpoints(HQ, POST));
        hq = nodes.start(pki, HQ);
        postTls = pki.federation.sslContext(pki.save(POST, dir.resolve("post-key")), TestFederation.PASSPHRASE);
    }

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    @Test
    void theEchoAnswersWhatItGotAndRefusesMoreThanALinkCheckNeeds() throws Exception {
        byte[] small = "a 400-byte crossing record would do".getBytes(StandardCharsets.UTF_8);
        byte[] tooLarge = new byte[InboxServer.MAX_ECHO_BYTES + 1];
        Arrays.fill(tooLarge, (byte) 'x');

        HttpResponse<byte[]> echoed = post(InboxServer.ECHO_PATH, small);
        HttpResponse<byte[]> refused = post(InboxServer.ECHO_PATH, tooLarge);

        assertThat(echoed.statusCode()).isEqualTo(200);
        assertThat(echoed.body()).isEqualTo(small);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8))
                .isEqualTo("echo takes at most 1048576 bytes, got 1048577");
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox")).as("an echo stores nothing").isZero();
    }

    @Test
    void aDirectoryHeaderThatIsNotASequenceIsIgnoredAndTheRequestIsServed() throws Exception {
        for (String header : List.of("not-a-number", "-7", "99999999999999999999999", "0x10", "")) {
            HttpResponse<byte[]> served = get(DirectoryPull.PATH, header);

            assertThat(served.statusCode()).as("header '%s'", header).isEqualTo(200);
            assertThat(served.body()).as("header '%s'", header).isEqualTo(pki.signedDirectory);
            assertThat(served.headers().firstValue(DirectoryPull.HEADER)).hasValue("1");
        }
        assertThat(hq.exchange().directory().inForce()).isEqualTo(1);
        assertThat(hq.exchange().directory().last()).as("no fetch was started").isEmpty();
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind LIKE 'exchange.directory-%'")).isZero();
    }

    private HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
        return PeerHttp.client(postTls).send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, String directoryHeader) throws Exception {
        return PeerHttp.client(postTls).send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header(DirectoryPull.HEADER, directoryHeader).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return pki.node(HQ).endpoint().resolve(path);
    }
}
