package org.ibex.trust;

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
    void adoptsANewerDirectoryInPlaceButRefusesAnOlderOne() throws Exception {
        byte[] fifth = pki.directory(5, List.of()).signedBy(pki.state);
        Federation federation = Federation.join(fifth, pki.root.certificate(), TestPki.CLOCK);
        assertThat(federation.identify(chain(post))).isPresent();

        byte[] sixth = pki.directory(6, List.of(TestPki.revoked(post, RevocationReason.SUPERSEDED)))
                .signedBy(pki.state);
        assertThat(federation.adopt(sixth)).isTrue();

        assertThat(federation.directory().sequence()).isEqualTo(6);
        assertThat(federation.signedDirectory()).hasValueSatisfying(signed -> assertThat(signed).isEqualTo(sixth));
        assertThat(federation.identify(chain(post))).as("revoked in the newer directory").isEmpty();
        assertThat(federation.isRevoked(post.certificate().getSerialNumber())).isTrue();
        assertThat(federation.adopt(sixth)).as("the directory in force again").isFalse();
        assertThatThrownBy(() -> federation.adopt(fifth))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.code()).isEqualTo(DirectoryException.Code.ROLLBACK));
        assertThat(federation.directory().sequence()).isEqualTo(6);
    }

    @Test
    void keepsItsDirectoryWhenOfferedOneSignedOutsideTheFederation() throws Exception {
        Federation federation = Federation.join(pki.directory(5, List.of()).signedBy(pki.state),
                pki.root.certificate(), TestPki.CLOCK);
        TestPki other = new TestPki("Other federation root");
        byte[] forged = other.directory(9, List.of(TestPki.revoked(post, RevocationReason.KEY_COMPROMISE)))
                .signedBy(other.state);

        assertThatThrownBy(() -> federation.adopt(forged)).isInstanceOf(DirectoryException.class);
        byte[] tampered = pki.directory(9, List.of()).signedBy(pki.state);
        tampered[tampered.length / 2] ^= 1;
        assertThatThrownBy(() -> federation.adopt(tampered)).isInstanceOf(DirectoryException.class);

        assertThat(federation.directory().sequence()).isEqualTo(5);
        assertThat(federation.identify(chain(post))).isPresent();
    }

    private static X509Certificate[] chain(NodeCredentials node) {
        return node.chain().toArray(X509Certificate[]::new);
    }
}
