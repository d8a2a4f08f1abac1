package org.ibex.replication;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.Identification;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.border.RecordedCrossing;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.StoredHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.replication.ReplicationTest.await;
import static org.ibex.replication.ReplicationTest.count;

/**
 * Every kind of record a post makes reaches its headquarters and becomes headquarters' own: dispositions of hits
 * (false alerts, confirmations) and the clearances they make and revoke, enrolments (identifiable 1:N at headquarters) and their withdrawal,
 * identifications, and corrections, also those recorded while headquarters could not be reached.
 */
class RecordKindsReplicationTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";
    private static final Actor OFFICER = new Actor(new User("officer.land", Role.OFFICER, "UTO-LAND"), "test", "t");
    private static final Actor SUPERVISOR = new Actor(new User("supervisor.land", Role.SUPERVISOR, "UTO-LAND"), "test",
            "t");
    private static final Actor HQ_OFFICER = new Actor(new User("officer.hq", Role.OFFICER, "UTO-HQ"), "test", "t");

    @TempDir
    Path dir;

    @Test
    void aFalseAlertAtThePostClearsTheHitAtHeadquartersAndItsRevocationFollows() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = landPost(nodes);
            land.services.watchlists().replace(new ListImport("alerts", "Alerts", "Police", null, null, null),
                    List.of(new PersonEntry("alerts", "A1", List.of("JEANNE REPLICA"), null, null, null, "test",
                            "test", null, null, EntryAction.REFER_TO_SECOND_LINE)), List.of(),
                    new Actor(new User("list.manager", Role.LIST_MANAGER, null), "test", "t"));
            RecordedCrossing entry = enter(land, "u-entry", "RP1234567", Instant.now());
            assertThat(entry.hits()).as("the traveller is the listed name").hasSize(1);
            StoredHit hit = entry.hits().get(0);

            land.services.hitReview().dispose(entry.crossing().id(), hit.id(), StoredHit.Outcome.FALSE_ALERT,
                    "other birth date", SUPERVISOR);
            await("HQ holds the disposition", () -> count(hq, "SELECT COUNT(*) FROM hit_disposition") == 1);
            assertThat(count(hq, "SELECT COUNT(*) FROM hit_disposition d JOIN screening_hit h ON h.id = d.hit_id"
                    + " JOIN crossing c ON c.id = h.crossing_id WHERE c.uid = 'u-entry' AND h.entry_id = 'A1'"
                    + " AND d.outcome = 'FALSE_ALERT' AND d.decided_by = 'supervisor.land'")).isEqualTo(1);
            assertThat(count(hq, "SELECT COUNT(*) FROM hit_clearance WHERE entry_id = 'A1'"))
                    .as("the false alert's clearance is kept at headquarters too").isEqualTo(1);

            long clearance = count(land, "SELECT id FROM hit_clearance");
            land.services.hitReview().revokeClearance(clearance, "new intelligence", SUPERVISOR);
            await("HQ revokes its copy", () -> count(hq, "SELECT COUNT(*) FROM hit_clearance_revocation") == 1);
            assertThat(count(hq, "SELECT COUNT(*) FROM national_record WHERE kind = 'hit.disposition'"
                    + " AND outcome LIKE 'clearance/% revoked by supervisor.land'")).isEqualTo(1);

            RecordedCrossing again = enter(land, "u-again", "RP1234567", Instant.now());
            land.services.hitReview().dispose(again.crossing().id(), again.hits().get(0).id(),
                    StoredHit.Outcome.CONFIRMED, "same person", OFFICER);
            await("HQ holds the first confirmation", () -> count(hq, "SELECT COUNT(*) FROM hit_disposition d"
                    + " JOIN screening_hit h ON h.id = d.hit_id JOIN crossing c ON c.id = h.crossing_id"
                    + " WHERE c.uid = 'u-again' AND d.outcome = 'CONFIRMED' AND d.decided_by = 'officer.land'") == 1);
        }
    }

    @Test
    void aPersonEnrolledAtThePostIsIdentifiedAtHeadquartersUntilThePostWithdrawsThem() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = landPost(nodes);
            long person = enter(land, "u-entry", "RP7654321", Instant.now()).crossing().personId();
            long subject = land.services.biometrics().enrol(person, "traveller", List.of(finger(101, 1)), null, null,
                    OFFICER).subjectId();
            Identification atPost = land.services.biometrics().identify("found at the post", List.of(finger(101, 3)),
                    null, OFFICER);
            assertThat(atPost.outcome()).isEqualTo(Identification.Outcome.IDENTIFIED);

            await("HQ holds the enrolment and the identification", () -> count(hq,
                    "SELECT COUNT(*) FROM national_record WHERE kind IN ('enrolment', 'identification')") == 2);
            long copy = count(hq, "SELECT subject_id FROM national_subject WHERE origin_subject_id = " + subject);
            long hqPerson = count(hq, "SELECT person_id FROM crossing WHERE uid = 'u-entry'");
            assertThat(count(hq, "SELECT person_id FROM biometric_subject WHERE id = " + copy))
                    .as("linked to the person of the traveller's crossing, by headquarters' rules").isEqualTo(hqPerson);
            assertThat(count(hq, "SELECT COUNT(*) FROM national_record WHERE kind = 'identification'"
                    + " AND outcome = 'identification " + atPost.id() + " IDENTIFIED candidates subject/" + copy + "'"))
                    .isEqualTo(1);

            Identification atHq = hq.services.biometrics().identify("found inland", List.of(finger(101, 4)), null,
                    HQ_OFFICER);
            assertThat(atHq.outcome()).isEqualTo(Identification.Outcome.IDENTIFIED);
            assertThat(atHq.candidates().get(0).subjectId()).isEqualTo(copy);
            assertThat(atHq.candidates().get(0).personId()).isEqualTo(hqPerson);

            land.services.biometrics().withdraw(subject, "enrolled in error", SUPERVISOR);
            await("HQ withdraws its copy", () -> count(hq, "SELECT COUNT(*) FROM biometric_subject WHERE id = " + copy
                    + " AND withdrawn_at IS NOT NULL") == 1);
            assertThat(hq.services.biometrics().identify("found again", List.of(finger(101, 4)), null, HQ_OFFICER)
                    .outcome()).isEqualTo(Identification.Outcome.NO_HIT);
        }
    }

    @Test
    void aCorrectionRecordedWhileHeadquartersWasUnreachableSupersedesTheOriginalThere() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = landPost(nodes);
            nodes.close(hq);
            RecordedCrossing original = enter(land, "u-typo", "RP5555555", Instant.now().minusSeconds(120));
            String mrz = mrz("RP5555556");
            land.services.border().correct(original.crossing().id(), new CrossingRequest("u-fixed", Direction.ENTRY,
                    "UTO-LAND", Instant.now().minusSeconds(120), mrz, null, null, null, null), "document misread",
                    OFFICER);

            Node back = nodes.open(HQ);
            await("HQ holds both", () -> count(back, "SELECT COUNT(*) FROM crossing") == 2);
            long fixed = count(back, "SELECT id FROM crossing WHERE uid = 'u-fixed'");
            assertThat(count(back, "SELECT supersedes FROM crossing WHERE id = " + fixed))
                    .isEqualTo(count(back, "SELECT id FROM crossing WHERE uid = 'u-typo'"));
            assertThat(count(back, "SELECT COUNT(*) FROM national_record WHERE origin_node = '" + LAND + "'"))
                    .isEqualTo(2);
        }
    }

    private static Node landPost(FederatedNodes nodes) throws Exception {
        Node land = nodes.open(LAND);
        land.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
        return land;
    }

    private static RecordedCrossing enter(Node node, String uid, String number, Instant at) {
        return node.services.border().record(new CrossingRequest(uid, Direction.ENTRY, "UTO-LAND", at, mrz(number),
                null, null, null, null), OFFICER);
    }

    private static String mrz(String number) {
        return MrzWriter.td3("FRA", "REPLICA", "JEANNE", number, "FRA", LocalDate.of(1980, 5, 17), "F",
                LocalDate.of(2031, 1, 1), null);
    }

    private static FingerCapture finger(int finger, int impression) {
        try {
            return new FingerCapture(FingerPosition.RIGHT_INDEX, Files.readAllBytes(Path.of(System.getProperty(
                    "ibex.shared", "../shared"), "data", "fingerprints", "fvc2002", "DB1_B",
                    finger + "_" + impression + ".tif")), 500);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
