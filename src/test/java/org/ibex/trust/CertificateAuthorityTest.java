package org.ibex.trust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateAuthorityTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @Test
    void rootIsASelfSignedP256CaForTenYears() throws Exception {
        X509Certificate root = new TestPki().root.certificate();

        root.verify(root.getPublicKey());
        assertThat(root.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(root.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(root.getBasicConstraints()).as("a CA with no path length limit").isEqualTo(Integer.MAX_VALUE);
        assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(root.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant()).toDays())
                .isBetween(3652L, 3654L);
    }

    @Test
    void stateCaIsSignedByTheRootWithPathLengthZero() throws Exception {
        TestPki pki = new TestPki();
        X509Certificate state = pki.state.certificate();

        state.verify(pki.root.certificate().getPublicKey());
        assertThat(state.getBasicConstraints()).as("pathLen 0: issues nodes, not CAs").isZero();
        assertThat(state.getSubjectX500Principal().getName()).contains("CN=UTO state CA");
        assertThat(pki.state.chain()).containsExactly(state, pki.root.certificate());
        assertThat(state.getNotAfter()).isBeforeOrEqualTo(pki.root.certificate().getNotAfter());
    }

    @Test
    void nodeCertificateNamesTheNodeAndAllowsMutualTls() throws Exception {
        TestPki pki = new TestPki();
        X509Certificate node = pki.node("UTO/IMM/POST-ARL").certificate();

        node.verify(pki.state.certificate().getPublicKey());
        assertThat(node.getSubjectX500Principal().getName()).isEqualTo("CN=UTO/IMM/POST-ARL");
        assertThat(node.getSubjectAlternativeNames()).contains(
                List.of(6, "urn:ibex:node:UTO/IMM/POST-ARL"), List.of(7, "127.0.0.1"));
        assertThat(node.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(node.getKeyUsage()[4]).as("keyAgreement").isTrue();
        assertThat(node.getKeyUsage()[5]).as("no keyCertSign").isFalse();
        assertThat(node.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(node.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(node.getSerialNumber().bitLength()).as("random 128-bit serial").isBetween(100, 128);
    }

    @Test
    void nodeCertificateCarriesADnsNameForAHostEndpoint() throws Exception {
        TestPki pki = new TestPki();
        X509Certificate node = pki.state.issue(NodeIdentity.parse("UTO/POLICE/HQ"),
                URI.create("https://hq.police.uto.test:9443"), Duration.ofDays(30)).certificate();

        assertThat(node.getSubjectAlternativeNames()).contains(List.of(2, "hq.police.uto.test"));
    }

    @Test
    void stateCaIssuesOnlyForItsOwnStateWhileTheRootIssuesForAny() throws Exception {
        TestPki pki = new TestPki();

        assertThat(pki.state.state()).contains("UTO");
        assertThat(pki.root.state()).isEmpty();
        assertThatThrownBy(() -> pki.state.issue(NodeIdentity.parse("XXB/IMM/HQ"), TestPki.ENDPOINT,
                Duration.ofDays(1))).hasMessageContaining("the UTO state CA issues only UTO/... nodes, not XXB/IMM/HQ");
        assertThat(pki.root.issue(NodeIdentity.parse("XXB/IMM/HQ"), TestPki.ENDPOINT, Duration.ofDays(1))
                .certificate().getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void serialsDifferBetweenCertificatesOfTheSameNode() throws Exception {
        TestPki pki = new TestPki();

        assertThat(pki.node("UTO/IMM/POST-ARL").certificate().getSerialNumber())
                .isNotEqualTo(pki.node("UTO/IMM/POST-ARL").certificate().getSerialNumber());
    }

    @Test
    void nodeValidityIsCappedAtTheIssuingCaValidity() throws Exception {
        TestPki pki = new TestPki();
        X509Certificate node = pki.state.issue(NodeIdentity.parse("UTO/IMM/HQ"), TestPki.ENDPOINT,
                Duration.ofDays(20_000)).certificate();

        assertThat(node.getNotAfter()).isEqualTo(pki.state.certificate().getNotAfter());
    }

    @Test
    void savedNodeKeyStoreOpensAsAJavaKeyStoreWithAliasNode(@TempDir Path folder) throws Exception {
        NodeCredentials issued = new TestPki().node("UTO/IMM/POST-ARL");
        issued.save(folder, TestPki.PASSPHRASE);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(folder.resolve("node.p12"))) {
            store.load(in, "correct horse battery".toCharArray());
        }
        assertThat(store.isKeyEntry("node")).isTrue();
        assertThat(store.getCertificateChain("node")).as("node, state CA, root").hasSize(3);
        NodeCredentials loaded = NodeCredentials.load(folder, TestPki.PASSPHRASE);
        assertThat(loaded.node()).isEqualTo(issued.node());
        assertThat(loaded.endpoint()).isEqualTo(issued.endpoint());
        assertThat(loaded.certificate()).isEqualTo(issued.certificate());
    }

    @Test
    void nodeKeyStoreDoesNotOpenWithAnotherPassphrase(@TempDir Path folder) throws Exception {
        new TestPki().node("UTO/IMM/POST-ARL").save(folder, TestPki.PASSPHRASE);

        assertThatThrownBy(() -> NodeCredentials.load(folder, Passphrase.of("a different passphrase")))
                .hasMessageContaining("wrong passphrase");
    }

    @Test
    void passphraseIsRequiredLongEnoughAndNeverPrinted() {
        assertThatThrownBy(() -> Passphrase.of(null)).hasMessageContaining("IBEX_PKI_PASSPHRASE");
        assertThatThrownBy(() -> Passphrase.of("short")).hasMessageContaining("at least 12 characters");
        assertThat(TestPki.PASSPHRASE.toString()).doesNotContain("horse");
    }

    @Test
    void credentialsDoNotPrintTheirKey() throws Exception {
        NodeCredentials node = new TestPki().node("UTO/IMM/POST-ARL");

        assertThat(node.toString()).contains("UTO/IMM/POST-ARL").doesNotContain("PrivateKey", "ECPrivate");
        assertThat(new TestPki().root.toString()).doesNotContain("Private");
    }
}
