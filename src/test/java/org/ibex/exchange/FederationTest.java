package org.ibex.exchange;

import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FederationTest {
    private final TestPki pki;
    private final NodeCredentials post;

    FederationTest() throws Exception {
        pki = new TestPki();
        post = pki.node("UTO/IMM/POST-ARL");
    }

    @Test
    void identifiesAPeerByTheNodeIdInItsCertificate() throws Exception {
        Federation federation = pki.federation(List.of(), TestPki.CLOCK);

        assertThat(federation.identify(chain(post))).contains(NodeIdentity.parse("UTO/IMM/POST-ARL"));
    }

    @Test
    void identifiesAPeerThatSendsOnlyItsLeafAndStateCa() throws Exception {
        Federation federation = pki.federation(List.of(), TestPki.CLOCK);

        assertThat(federation.identify(new X509Certificate[]{post.certificate(), pki.state.certificate()}))
                .contains(NodeIdentity.parse("UTO/IMM/POST-ARL"));
    }

    @Test
    void doesNotIdentifyARevokedPeer() throws Exception {
        Federation federation = pki.federation(List.of(TestPki.revoked(post, RevocationReason.KEY_COMPROMISE)),
                TestPki.CLOCK);

        assertThat(federation.identify(chain(post))).isEmpty();
    }

    @Test
    void doesNotIdentifyAPeerWhoseCertificateHasExpired() throws Exception {
        NodeCredentials shortLived = pki.state.issue(NodeIdentity.parse("UTO/IMM/TEMP"), TestPki.ENDPOINT,
                Duration.ofDays(1));
        Federation tomorrowPlusOne = new Federation(pki.root.certificate(), pki.directory(1, List.of()),
                TestPki.at(TestPki.NOW.plus(Duration.ofDays(2))));

        assertThat(tomorrowPlusOne.identify(chain(shortLived))).isEmpty();
        assertThat(pki.federation(List.of(), TestPki.CLOCK).identify(chain(shortLived))).isPresent();
    }

    @Test
    void doesNotIdentifyAPeerFromAnotherFederation() throws Exception {
        NodeCredentials stranger = new TestPki("Other federation root").node("UTO/IMM/POST-ARL");

        assertThat(pki.federation(List.of(), TestPki.CLOCK).identify(chain(stranger))).isEmpty();
    }

    @Test
    void doesNotIdentifyACaCertificateOrAnEmptyChain() throws Exception {
        Federation federation = pki.federation(List.of(), TestPki.CLOCK);

        assertThat(federation.identify(pki.state.chain().toArray(X509Certificate[]::new))).isEmpty();
        assertThat(federation.identify(new X509Certificate[0])).isEmpty();
        assertThat(federation.identify(null)).isEmpty();
    }

    @Test
    void updatesToANewerDirectoryButRefusesAnOlderOne() throws Exception {
        Federation first = Federation.join(pki.directory(5, List.of()).signedBy(pki.state), pki.root.certificate(),
                TestPki.CLOCK);

        Federation newer = first.update(pki.directory(6, List.of(TestPki.revoked(post, RevocationReason.SUPERSEDED)))
                .signedBy(pki.state));

        assertThat(newer.directory().sequence()).isEqualTo(6);
        assertThat(newer.identify(chain(post))).as("revoked in the newer directory").isEmpty();
        assertThatThrownBy(() -> newer.update(pki.directory(5, List.of()).signedBy(pki.state)))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.code()).isEqualTo(DirectoryException.Code.ROLLBACK));
    }

    private static X509Certificate[] chain(NodeCredentials node) {
        return node.chain().toArray(X509Certificate[]::new);
    }
}
