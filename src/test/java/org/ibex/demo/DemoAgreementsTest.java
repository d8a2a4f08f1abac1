package org.ibex.demo;

import org.ibex.agreement.AgreementFile;
import org.ibex.agreement.SignedAgreement;
import org.ibex.store.Database;
import org.ibex.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The federation demo's set-up keeps its agreements as files signed by both parties' headquarters keys and installs
 * each at every node its parties cover, with the accounts the questions story logs in with; a second run reuses the
 * files unchanged and installs nothing twice.
 */
class DemoAgreementsTest {
    @TempDir
    Path dir;

    @Test
    void agreementsAreSignedFilesInstalledOnceAtEveryNodeOfTheirParties() throws Exception {
        FederationLayout layout = FederationLayout.resolve(dir.resolve("federation"), 23_000, 24_000);

        String first = prepare(layout);
        byte[] police = Files.readAllBytes(layout.agreements().resolve("UTO-IMM-POL.json"));
        byte[] labour = Files.readAllBytes(layout.agreements().resolve("UTO-IMM-LAB.json"));
        String second = prepare(layout);

        assertThat(first).contains("installed at UTO/IMM/HQ the agreements UTO-IMM-POL@v1, UTO-IMM-LAB@v1")
                .contains("installed at UTO/POL/HQ the agreement UTO-IMM-POL@v1 ")
                .contains("installed at UTO/LAB/HQ the agreement UTO-IMM-LAB@v1 ")
                .as("XXB is a party to the identity confirmation agreement only")
                .contains("installed at XXB/IMM/HQ the agreement UTO-XXB-IDC@v1 ")
                .doesNotContain("installed at XXB/IMM/HQ the agreements");
        assertThat(second).as("a later run reuses what is installed").doesNotContain("installed at");
        assertThat(Files.readAllBytes(layout.agreements().resolve("UTO-IMM-POL.json")))
                .as("the file is signed once, not again on every run").isEqualTo(police);
        assertThat(signers(police)).containsExactly("UTO/IMM", "UTO/POL");
        assertThat(signers(labour)).containsExactly("UTO/IMM", "UTO/LAB");
        SignedAgreement lab = AgreementFile.read(labour);
        assertThat(lab.agreement().rules()).singleElement().satisfies(rule -> {
            assertThat(rule.humanApproval()).as("each release approved by a person").isTrue();
            assertThat(rule.perDay()).isEqualTo(50);
            assertThat(rule.purposes()).containsExactly("work-permit-check");
        });
        assertThat(AgreementFile.read(police).agreement().rules()).extracting(r -> r.asker() + ">" + r.answerer()
                + " " + r.purposes() + " " + r.retentionDays()).containsExactlyInAnyOrder(
                "UTO/POL>UTO/IMM [criminal-investigation] 90", "UTO/IMM>UTO/POL [border-check] 90");

        assertThat(rows(layout, "uto-hq", "SELECT agreement_id || ' v' || version || ' ' || state FROM agreement"))
                .containsExactlyInAnyOrder("UTO-IMM-LAB v1 IN_FORCE", "UTO-IMM-POL v1 IN_FORCE",
                        "UTO-XXB-IDC v1 IN_FORCE");
        assertThat(rows(layout, "uto-airport", "SELECT agreement_id FROM agreement")).as("a post of a party too")
                .containsExactlyInAnyOrder("UTO-IMM-LAB", "UTO-IMM-POL", "UTO-XXB-IDC");
        assertThat(rows(layout, "uto-police", "SELECT agreement_id FROM agreement")).containsExactly("UTO-IMM-POL");
        assertThat(rows(layout, "uto-labour", "SELECT agreement_id FROM agreement")).containsExactly("UTO-IMM-LAB");
        assertThat(rows(layout, "xxb-hq", "SELECT agreement_id FROM agreement"))
                .as("XXB is a party to the identity confirmation agreement only").containsExactly("UTO-XXB-IDC");
        assertThat(rows(layout, "uto-hq", "SELECT action || ' ' || subject FROM access_log WHERE action LIKE"
                + " 'agreement.%'")).as("installed once, audited")
                .containsExactlyInAnyOrder("agreement.install UTO-IMM-POL@v1", "agreement.install UTO-IMM-LAB@v1",
                        "agreement.install UTO-XXB-IDC@v1");
        assertThat(rows(layout, "uto-hq", "SELECT username || ' ' || role || ' ' || COALESCE(post_id, '-') FROM"
                + " user_account WHERE username = 'hq.supervisor'")).containsExactly("hq.supervisor SUPERVISOR UTO-AIR");
        assertThat(rows(layout, "uto-labour", "SELECT username || ' ' || role FROM user_account ORDER BY username"))
                .containsExactly("admin ADMIN", "lab.inspector ANALYST");
        assertThat(rows(layout, "uto-police", "SELECT username || ' ' || role FROM user_account ORDER BY username"))
                .containsExactly("admin ADMIN", "pol.investigator ANALYST");
    }

    @Test
    void aDemoFolderWithoutTheLabourNodeAndTheAgreementsGetsBothOnItsNextRun() throws Exception {
        FederationLayout layout = FederationLayout.resolve(dir.resolve("federation"), 23_100, 24_100);
        prepare(layout);
        // What a folder made before the labour node and the agreements lacks.
        for (Path gone : List.of(layout.agreements(), layout.root().resolve("uto-labour"),
                layout.issued(layout.member("UTO/LAB/HQ")))) {
            try (var files = Files.walk(gone)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        String again = prepare(FederationLayout.resolve(layout.root(), null, null));

        assertThat(again).contains("issued UTO/LAB/HQ (Utopia labour inspectorate) at https://127.0.0.1:23105")
                .contains("lists 6 nodes").contains("installed at UTO/LAB/HQ the agreement UTO-IMM-LAB@v1 ")
                .as("the same text signed again the same day is the version the others hold")
                .doesNotContain("installed at UTO/IMM/HQ");
        assertThat(layout.agreements().resolve("UTO-IMM-LAB.json")).exists();
        assertThat(rows(layout, "uto-labour", "SELECT agreement_id FROM agreement")).containsExactly("UTO-IMM-LAB");
    }

    private static String prepare(FederationLayout layout) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new FederationSetup(layout, new PrintStream(bytes, true, StandardCharsets.UTF_8)).prepare();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> signers(byte[] file) throws Exception {
        return AgreementFile.read(file).signatures().stream().map(s -> s.party().toString()).toList();
    }

    private static List<String> rows(FederationLayout layout, String node, String sql) {
        try (Database database = Database.open(StoreConfig.embedded(layout.root().resolve(node)))) {
            return database.read(connection -> {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(row.getString(1));
                    }
                }
                return rows;
            });
        }
    }
}
