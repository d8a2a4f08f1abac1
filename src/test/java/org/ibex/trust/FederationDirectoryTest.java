package org.ibex.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FederationDirectoryTest {
    private final TestPki pki;
    private final NodeCredentials post;
    private final FederationDirectory directory;

    FederationDirectoryTest() throws Exception {
        pki = new TestPki();
        post = pki.node("UTO/IMM/POST-ARL");
        directory = pki.directory(7, List.of(TestPki.revoked(pki.node("UTO/IMM/OLD"), RevocationReason.SUPERSEDED)),
                post);
    }

    @Test
    void verifiedDirectoryEqualsTheOneSigned() throws Exception {
        byte[] signed = directory.signedBy(pki.state);

        FederationDirectory verified = FederationDirectory.verify(signed, pki.root.certificate(), TestPki.CLOCK);

        assertThat(verified).isEqualTo(directory);
        assertThat(verified.node(NodeIdentity.parse("UTO/IMM/POST-ARL")).orElseThrow().certificate())
                .isEqualTo(post.certificate());
        assertThat(verified.revocations().get(0).reason()).isEqualTo(RevocationReason.SUPERSEDED);
    }

    @Test
    void fileIsReadableJsonWithADetachedEs256SignatureCarryingTheChain() throws Exception {
        JsonNode file = Json.MAPPER.readTree(directory.signedBy(pki.state));

        assertThat(file.get("directory").get("nodes").get(0).get("node").asText()).isEqualTo("UTO/IMM/POST-ARL");
        assertThat(file.get("directory").get("sequence").asLong()).isEqualTo(7);
        String[] jws = file.get("signature").asText().split("\\.", -1);
        assertThat(jws).as("header..signature: payload detached").hasSize(3);
        assertThat(jws[1]).isEmpty();
        String header = new String(java.util.Base64.getUrlDecoder().decode(jws[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"ES256\"").contains("\"x5c\"");
    }

    @Test
    void rootMaySignTheDirectoryToo() throws Exception {
        byte[] signed = directory.signedBy(pki.root);

        assertThat(FederationDirectory.verify(signed, pki.root.certificate(), TestPki.CLOCK)).isEqualTo(directory);
    }

    @Test
    void reformattedFileStillVerifiesBecauseTheSignatureCoversCanonicalJson() throws Exception {
        JsonNode file = Json.MAPPER.readTree(directory.signedBy(pki.state));
        byte[] compact = Json.MAPPER.writeValueAsBytes(file);

        assertThat(FederationDirectory.verify(compact, pki.root.certificate(), TestPki.CLOCK)).isEqualTo(directory);
    }

    @Test
    void rejectsTamperedPayloadAsBadSignature() throws Exception {
        ObjectNode file = (ObjectNode) Json.MAPPER.readTree(directory.signedBy(pki.state));
        ((ObjectNode) file.get("directory").get("nodes").get(0)).put("endpoint", "https://203.0.113.66:9443");

        assertRejected(Json.MAPPER.writeValueAsBytes(file), DirectoryException.Code.BAD_SIGNATURE,
                "signature does not match");
    }

    @Test
    void rejectsRemovedRevocationAsBadSignature() throws Exception {
        ObjectNode file = (ObjectNode) Json.MAPPER.readTree(directory.signedBy(pki.state));
        ((ObjectNode) file.get("directory")).putArray("revocations");

        assertRejected(Json.MAPPER.writeValueAsBytes(file), DirectoryException.Code.BAD_SIGNATURE, "signature");
    }

    @Test
    void rejectsTruncatedFileAsMalformed() throws Exception {
        byte[] signed = directory.signedBy(pki.state);

        assertRejected(Arrays.copyOf(signed, signed.length / 2), DirectoryException.Code.MALFORMED, "not valid JSON");
    }

    @Test
    void rejectsFilesWithoutDirectoryOrSignatureAsMalformed() {
        assertRejected("{\"directory\":{}}".getBytes(StandardCharsets.UTF_8), DirectoryException.Code.MALFORMED,
                "'signature' string");
        assertRejected("[1,2]".getBytes(StandardCharsets.UTF_8), DirectoryException.Code.MALFORMED, "not a JSON object");
        assertRejected("{\"directory\":{},\"signature\":\"x.y\"}".getBytes(StandardCharsets.UTF_8),
                DirectoryException.Code.MALFORMED, "detached JWS");
    }

    @Test
    void rejectsDirectorySignedByAnotherFederationAsUntrustedChain() throws Exception {
        TestPki other = new TestPki("Other federation root");

        assertRejected(directory.signedBy(other.state), DirectoryException.Code.UNTRUSTED_CHAIN,
                "does not chain to the trust anchor");
    }

    @Test
    void rejectsSignatureSwappedInFromAnotherFederationAsUntrustedChain() throws Exception {
        ObjectNode file = (ObjectNode) Json.MAPPER.readTree(directory.signedBy(pki.state));
        JsonNode forged = Json.MAPPER.readTree(directory.signedBy(new TestPki("Other federation root").state));
        file.put("signature", forged.get("signature").asText());

        assertRejected(Json.MAPPER.writeValueAsBytes(file), DirectoryException.Code.UNTRUSTED_CHAIN, "trust anchor");
    }

    @Test
    void rejectsDirectoryPastItsNextUpdateAsExpired() throws Exception {
        byte[] signed = directory.signedBy(pki.state);

        assertThatThrownBy(() -> FederationDirectory.verify(signed, pki.root.certificate(),
                TestPki.at(TestPki.NOW.plus(Duration.ofHours(25)))))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.code()).isEqualTo(DirectoryException.Code.EXPIRED))
                .hasMessageContaining("expired: directory 7 was due for update at");
    }

    @Test
    void rejectsOlderSequenceThanAcceptedAsRollbackButAcceptsTheSame() throws Exception {
        byte[] signed = directory.signedBy(pki.state);

        assertThat(FederationDirectory.verify(signed, pki.root.certificate(), TestPki.CLOCK, 7).sequence()).isEqualTo(7);
        assertThatThrownBy(() -> FederationDirectory.verify(signed, pki.root.certificate(), TestPki.CLOCK, 8))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.code().code()).isEqualTo("rollback"))
                .hasMessageContaining("sequence 7 is older than the accepted sequence 8");
    }

    private void assertRejected(byte[] signed, DirectoryException.Code code, String message) {
        assertThatThrownBy(() -> FederationDirectory.verify(signed, pki.root.certificate(), TestPki.CLOCK))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageStartingWith(code.code() + ": ")
                .hasMessageContaining(message);
    }
}
