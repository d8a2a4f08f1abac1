package org.ibex.cli;

import org.ibex.agreement.Agreement;
import org.ibex.agreement.AgreementException;
import org.ibex.agreement.AgreementFile;
import org.ibex.agreement.AgreementRule;
import org.ibex.agreement.Category;
import org.ibex.agreement.QueryType;
import org.ibex.agreement.SignedAgreement;
import org.ibex.agreement.Signer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Checks one agreement file's format and every party's signature against a federation anchor: exit 0 valid, 1 invalid
 * (naming the field or the signature), 2 unusable input (not JSON, unreadable, no anchor).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check an agreement file's schema and signatures. Exit 0 valid, 1 invalid, 2 unusable input.")
final class AgreementVerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the agreement file")
    Path file;

    @Mixin
    AnchorOptions anchor;

    @Override
    public Integer call() {
        try {
            SignedAgreement signed = AgreementFile.read(AgreementCommand.readFile(file));
            FederationTrust trust = trust();
            List<Signer> signers = AgreementFile.verify(signed, trust.anchor(), trust.revoked(),
                    Clock.systemUTC().instant());
            print(signed.agreement(), signers);
            return 0;
        } catch (AgreementException e) {
            boolean invalid = e.kind() == AgreementException.Kind.INVALID;
            System.err.println("ibex: " + (invalid ? "invalid: " + e.field() + ": " : "unusable: ") + e.getMessage());
            return invalid ? 1 : 2;
        }
    }

    private FederationTrust trust() throws AgreementException {
        try {
            return anchor.trust();
        } catch (RuntimeException e) {
            throw new AgreementException(AgreementException.Kind.UNUSABLE, "", "no anchor: " + e.getMessage());
        }
    }

    private static void print(Agreement agreement, List<Signer> signers) {
        System.out.println("valid: " + agreement.reference() + " \"" + agreement.title() + "\"");
        System.out.println("parties: " + String.join(", ", agreement.parties().stream().map(Object::toString)
                .toList()));
        signers.forEach(s -> System.out.println("signed for " + s.party() + " by " + s.node()));
        System.out.println("in force: " + agreement.validFrom() + " to " + agreement.validUntil() + " (UTC days)");
        System.out.println("digest: " + agreement.digest());
        for (int i = 0; i < agreement.rules().size(); i++) {
            AgreementRule rule = agreement.rules().get(i);
            System.out.println("rule " + (i + 1) + ": " + rule.asker() + " asks " + rule.answerer() + " "
                    + rule.queries().stream().sorted().map(QueryType::code).toList() + " for "
                    + rule.purposes().stream().sorted().toList() + "; may receive "
                    + rule.categories().stream().sorted().map(Category::code).toList() + "; " + rule.perDay()
                    + " a day, " + rule.perYear() + " a year; kept " + rule.retentionDays() + " days; "
                    + (rule.humanApproval() ? "a person approves each release" : "released without approval"));
        }
    }
}
