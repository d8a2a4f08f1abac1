package org.ibex.cli;

import org.ibex.confirmation.DeletionReceipt;
import org.ibex.confirmation.SignedReceipt;
import org.ibex.trust.DocumentSignature;
import org.ibex.trust.NodeIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * Verifies a partner's signed deletion receipt offline, as an oversight body would: exit 0 valid, 1 invalid (the
 * signature, the chain or the signer named), 2 unusable input (no such file, not a receipt, no anchor).
 */
@Command(name = "receipt", mixinStandardHelpOptions = true,
        description = "Verify a deletion receipt offline. Exit 0 valid, 1 invalid, 2 unusable input.")
final class ReceiptCommand implements Callable<Integer> {
    /** Receipts are a few kilobytes: anything far larger is not one, and is not read. */
    static final long MAX_BYTES = 256 * 1024;

    @Parameters(paramLabel = "FILE", description = "the receipt file (JSON: receipt and signature)")
    Path file;

    @Mixin
    AnchorOptions anchor;

    @Override
    public Integer call() {
        SignedReceipt receipt;
        FederationTrust trust;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                System.err.println("ibex: unusable: " + file + " is not a file of at most " + MAX_BYTES + " bytes");
                return 2;
            }
            receipt = SignedReceipt.read(Files.readAllBytes(file));
            trust = anchor.trust();
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("ibex: unusable: " + e.getMessage());
            return 2;
        }
        try {
            NodeIdentity signer = receipt.verify(trust.anchor(), trust.revoked(), Clock.systemUTC().instant());
            DeletionReceipt r = receipt.receipt();
            System.out.println("valid: deletion receipt for probe " + r.probeId() + ", signed by " + signer);
            System.out.println("requester: " + r.requester() + "; agreement: " + r.agreement());
            System.out.println("probe sha256: " + r.probeSha256() + " (" + r.fingers() + " fingers)");
            System.out.println("received " + r.receivedAt() + ", searched " + (r.searchedAt() == null ? "never"
                    : r.searchedAt()) + ", deleted " + r.deletedAt());
            r.erased().forEach(place -> System.out.println("erased: " + place));
            return 0;
        } catch (DocumentSignature.Invalid e) {
            System.err.println("ibex: invalid: the receipt " + e.getMessage());
            return 1;
        }
    }
}
