package org.ibex.web;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.audit.AccessLog;
import org.ibex.biometrics.BiometricRefusal;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.Identification;
import org.ibex.biometrics.IdentificationReview;
import org.ibex.input.FieldRuleException;
import org.ibex.store.ConflictException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ibex.web.FingerprintApiTest.finger;

/**
 * What an officer concludes from a 1:N search (issue 14, undocumented arrival): recorded once, by the post that
 * searched, a confirmed candidate or no match (with a reason when candidates are set aside), on the access log; and
 * the minutiae shown side by side, to that post only, every look logged.
 */
class IdentificationReviewTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Actor OFFICER_A = new Actor(new User("officer.a", Role.OFFICER, "POST-A"), "test", "local");
    private static final Actor OFFICER_B = new Actor(new User("officer.b", Role.OFFICER, "POST-B"), "test", "local");
    private static TestNode node;
    private static long traveller;

    @BeforeAll
    static void enrolOneTraveller() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        ApiCalls api = new ApiCalls(node);
        traveller = api.enter("officer.a", "POST-A", ApiCalls.passport("REVIEW", "R11111111")).at("/crossing/personId")
                .asLong();
        api.expect(201, "POST", "/api/persons/" + traveller + "/fingerprints", "officer.a",
                Map.of("fingers", List.of(finger(2, 101, 1), finger(7, 102, 1))));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static Identification identify(int finger, int impression) {
        try {
            byte[] image = Files.readAllBytes(Path.of(System.getProperty("ibex.shared", "../shared"), "data",
                    "fingerprints", "fvc2002", "DB1_B", finger + "_" + impression + ".tif"));
            return node.services.biometrics().identify("found at sea", List.of(new FingerCapture(
                    FingerPosition.RIGHT_INDEX, image, 500)), null, OFFICER_A);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aConfirmedMatchIsRecordedOnceByThePostThatSearched() {
        Identification search = identify(101, 3);
        long subject = search.candidates().get(0).subjectId();

        assertThatThrownBy(() -> node.services.biometrics().reviewIdentification(search.id(), subject, null, OFFICER_B))
                .isInstanceOf(BiometricRefusal.class).hasMessage("no identification " + search.id());
        assertThatThrownBy(() -> node.services.biometrics().reviewIdentification(search.id(), 999_999L, null, OFFICER_A))
                .isInstanceOf(FieldRuleException.class).hasMessageContaining("not a candidate");
        assertThatThrownBy(() -> node.services.biometrics().reviewIdentification(search.id(), null, " ", OFFICER_A))
                .as("setting candidates aside needs a reason").isInstanceOf(BiometricRefusal.class)
                .extracting(e -> ((BiometricRefusal) e).field()).isEqualTo("reason");

        IdentificationReview review = node.services.biometrics().reviewIdentification(search.id(), subject, null,
                OFFICER_A);

        assertThat(review.matchConfirmed()).isTrue();
        assertThat(review.personId()).isEqualTo(traveller);
        assertThat(review.reviewedAt()).isEqualTo(NOW);
        assertThat(node.services.biometrics().reviewedIdentification(search.id(), OFFICER_A).review()).contains(review);
        assertThatThrownBy(() -> node.services.biometrics().reviewIdentification(search.id(), null, "no", OFFICER_A))
                .isInstanceOf(ConflictException.class);
        assertThat(node.services.accessLog().recent(30)).extracting(AccessLog.Entry::access)
                .anyMatch(a -> a.action().equals("review identification") && a.subject().equals("identification "
                        + search.id() + ": match with subject " + subject))
                .anyMatch(a -> a.action().equals("review identification refused") && a.actor().equals("officer.b"));
    }

    @Test
    void theMinutiaeOfProbeAndCandidateAreShownToThatPostOnlyAndEveryLookIsLogged() {
        Identification search = identify(101, 4);
        long subject = search.candidates().get(0).subjectId();

        assertThat(node.services.biometrics().identificationMinutiae(search.id(), null, FingerPosition.RIGHT_INDEX,
                OFFICER_A)).hasValueSatisfying(m -> assertThat(m.size()).isPositive());
        assertThat(node.services.biometrics().identificationMinutiae(search.id(), subject, FingerPosition.LEFT_INDEX,
                OFFICER_A)).as("the candidate's other finger, enrolled").isPresent();
        assertThat(node.services.biometrics().identificationMinutiae(search.id(), null, FingerPosition.LEFT_INDEX,
                OFFICER_A)).as("not in the probe").isEmpty();
        assertThatThrownBy(() -> node.services.biometrics().identificationMinutiae(search.id(), subject + 1000,
                FingerPosition.RIGHT_INDEX, OFFICER_A)).as("a subject that is no candidate of this search")
                .isInstanceOf(BiometricRefusal.class);
        assertThatThrownBy(() -> node.services.biometrics().identificationMinutiae(search.id(), subject,
                FingerPosition.RIGHT_INDEX, OFFICER_B)).isInstanceOf(BiometricRefusal.class);
        assertThat(node.services.accessLog().recent(30)).extracting(AccessLog.Entry::access)
                .anyMatch(a -> a.action().equals("view identification prints") && a.subject().equals("identification "
                        + search.id() + " subject " + subject + " finger 7"))
                .anyMatch(a -> a.action().equals("view identification prints refused") && a.actor().equals("officer.b"));
    }
}
