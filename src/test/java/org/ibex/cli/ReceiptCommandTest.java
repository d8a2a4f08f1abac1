package org.ibex.cli;

import org.ibex.confirmation.DeletionReceipt;
import org.ibex.confirmation.SignedReceipt;
import org.ibex.delivery.TestFederation;
import org.ibex.delivery.NodeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex receipt} as an oversight body uses it, offline with the federation's anchor: a responder's deletion
 * receipt verifies (0); one whose probe digest or times were changed, or that another node signed, does not (1);
 * input it cannot use is named as such (2), never with a stack trace.
 */
class ReceiptCommandTest {
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dir;

    private static DeletionReceipt receipt(String responder, String sha) {
        return new DeletionReceipt("6f1c2a9e-5d7b-4c1e-9a3f-2b8d7e6c5a41", "XXB/IMM/HQ", responder, "XXB-UTO-ID@v1",
                sha, 2, AT, AT.plusMillis(180), AT.plusMillis(190), DeletionReceipt.ERASED);
    }

    @Test
    void aResponderReceiptVerifiesOfflineAndAnAlteredOrMisattributedOneDoesNot() throws Exception {
        TestFederation pki = new TestFederation("UTO/IMM/HQ", "UTO/POL/HQ");
        Path anchor = NodeProcess.writeAnchor(dir.resolve("root"), pki.root);
        String sha = "a".repeat(64);
        SignedReceipt signed = SignedReceipt.sign(receipt("UTO/IMM/HQ", sha), pki.node("UTO/IMM/HQ"));
        Path good = Files.write(dir.resolve("good.json"), signed.toFile());

        CliRun valid = CliRun.of("receipt", good.toString(), "--anchor", anchor.toString());
        assertThat(valid.exit()).as(valid.output()).isZero();
        assertThat(valid.out()).contains("valid: deletion receipt for probe 6f1c2a9e-5d7b-4c1e-9a3f-2b8d7e6c5a41",
                "signed by UTO/IMM/HQ", "probe sha256: " + sha, "erased: exchange inbox");

        Path altered = Files.write(dir.resolve("altered.json"), new SignedReceipt(receipt("UTO/IMM/HQ",
                "b".repeat(64)), signed.signature()).toFile());
        CliRun tampered = CliRun.of("receipt", altered.toString(), "--anchor", anchor.toString());
        assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.err()).contains("ibex: invalid: the receipt");

        // Another node of the federation signs a receipt naming the responder: the signer is not the one named.
        SignedReceipt forged = SignedReceipt.sign(receipt("UTO/IMM/HQ", sha), pki.node("UTO/POL/HQ"));
        CliRun misattributed = CliRun.of("receipt", Files.write(dir.resolve("forged.json"), forged.toFile())
                .toString(), "--anchor", anchor.toString());
        assertThat(misattributed.exit()).as(misattributed.output()).isEqualTo(1);
        assertThat(misattributed.err()).contains("signed by UTO/POL/HQ, not by the responder UTO/IMM/HQ");
    }

    @Test
    void inputItCannotUseIsUnusableWithoutAStackTrace() throws Exception {
        TestFederation pki = new TestFederation("UTO/IMM/HQ");
        Path anchor = NodeProcess.writeAnchor(dir.resolve("root"), pki.root);
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a receipt", StandardCharsets.UTF_8);
        Path huge = Files.write(dir.resolve("huge.json"), new byte[(int) ReceiptCommand.MAX_BYTES + 1]);
        Path partial = Files.writeString(dir.resolve("partial.json"), "{\"receipt\":null,\"signature\":\"x\"}");
        Path good = Files.write(dir.resolve("good.json"), SignedReceipt.sign(receipt("UTO/IMM/HQ", "c".repeat(64)),
                pki.node("UTO/IMM/HQ")).toFile());
        for (String[] args : new String[][]{
                {"receipt", notes.toString(), "--anchor", anchor.toString()},
                {"receipt", dir.resolve("missing.json").toString(), "--anchor", anchor.toString()},
                {"receipt", huge.toString(), "--anchor", anchor.toString()},
                {"receipt", partial.toString(), "--anchor", anchor.toString()},
                {"receipt", good.toString(), "--anchor", notes.toString()}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exit()).as(run.output()).isEqualTo(2);
            assertThat(run.err()).startsWith("ibex: unusable: ");
            assertThat(run.printedStackTrace()).as(run.output()).isFalse();
        }
    }
}
