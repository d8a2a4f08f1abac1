package org.ibex.cli;

import org.ibex.biometrics.FingerQuality;
import org.ibex.biometrics.FingerSet;
import org.ibex.biometrics.FingerTemplate;
import org.ibex.biometrics.NistFingers;
import org.ibex.biometrics.NistFormatException;
import org.ibex.biometrics.NistReader;
import org.ibex.confirmation.Confirmation;
import org.ibex.confirmation.ConfirmationViews;
import org.ibex.confirmation.PartnerProbe;
import org.ibex.confirmation.ProbeDocument;
import org.ibex.confirmation.ProbeFinger;
import org.ibex.confirmation.ProbeRequest;
import org.ibex.input.FieldRuleException;
import org.ibex.inquiry.QuestionRefusedException;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.trust.NodeIdentity;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Anonymous probes to partner states: send one (the fingers of a national identification or of an ANSI/NIST-ITL file,
 * or a document), list them, show one, save its signed deletion receipt. The probe is checked and queued; the serving
 * node sends it and takes in the answer.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Hit/no-hit probes to partner states: send, list, show, receipt.",
        subcommands = {ProbeCommand.Send.class, ProbeCommand.ListProbes.class, ProbeCommand.Show.class,
                ProbeCommand.Receipt.class})
final class ProbeCommand {
    /** An ANSI/NIST-ITL ten-print with slaps is a few MB; the API takes at most as much. */
    static final long MAX_NIST_BYTES = 24L << 20;

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Send a probe under the agreements in force; prints it as JSON. Exit 1 when the agreements"
                    + " refuse it (audited), 2 for bad input.",
                    "What: --identification (its fingers), --nist (the single fingers of the file) or --document."})
    static final class Send implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--partner", required = true, paramLabel = "NODE", description = "the partner's node, e.g."
                + " UTO/IMM/HQ")
        String partner;
        @Option(names = "--purpose", required = true, description = "as the agreement names it, e.g."
                + " identity-confirmation")
        String purpose;
        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;
        @Option(names = "--case", paramLabel = "CASE", description = "this node's case the probe belongs to (stays"
                + " here)")
        String caseRef;
        @Option(names = "--uid", description = "a retry key: the same uid answers with the first probe")
        String uid;

        /** Exactly one of the three things a probe can carry. */
        static final class What {
            @Option(names = "--identification", paramLabel = "N", description = "a national identification whose"
                    + " fingers are sent")
            Long identification;
            @Option(names = "--nist", paramLabel = "FILE", description = "an ANSI/NIST-ITL file; the templates of its"
                    + " single fingers are sent")
            Path nist;
            @Option(names = "--document", paramLabel = "STATE:NUMBER", description = "a document-status probe, e.g."
                    + " UTO:X1234567")
            String document;
        }

        @Override
        public Integer call() {
            NodeIdentity to = InquiryCli.parse("--partner", () -> NodeIdentity.parse(partner.strip()));
            ProbeDocument document = what.document == null ? null : document(what.document);
            byte[] nist = what.nist == null ? null : nist(what.nist);
            try (Node node = data.open()) {
                Confirmation confirmation = ConfirmationCli.confirmation(node);
                List<ProbeFinger> fingers = nist == null ? List.of() : fingers(node, nist);
                ProbeRequest request = new ProbeRequest(to, document == null ? "identity" : "document-status",
                        purpose, fingers, what.identification, document, caseRef, uid);
                try {
                    PartnerProbe sent = confirmation.probes().send(request, Operator.actor("probe sent at shell: "
                            + purpose));
                    ConfirmationCli.print(ConfirmationViews.probe(sent, node.services.clock().instant()));
                    return 0;
                } catch (QuestionRefusedException e) {
                    return ConfirmationCli.refused(e);
                } catch (FieldRuleException e) {
                    throw ConfirmationCli.option(e);
                }
            }
        }

        private static ProbeDocument document(String given) {
            int colon = given.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("--document must be STATE:NUMBER, such as UTO:X1234567");
            }
            return InquiryCli.parse("--document", () -> new ProbeDocument(given.substring(0, colon).strip(),
                    given.substring(colon + 1).strip()));
        }

        private static byte[] nist(Path file) {
            try {
                if (!Files.isRegularFile(file) || Files.size(file) > MAX_NIST_BYTES) {
                    throw new IllegalArgumentException("--nist: " + file + " is not a file of at most "
                            + (MAX_NIST_BYTES >> 20) + " MiB");
                }
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("--nist: " + file + " cannot be read", e);
            }
        }

        private static List<ProbeFinger> fingers(Node node, byte[] file) {
            NistFingers.Extracted extracted;
            try {
                extracted = NistFingers.of(new NistReader().read(file));
            } catch (NistFormatException e) {
                throw new IllegalArgumentException("--nist: not an ANSI/NIST-ITL transaction with fingers: "
                        + e.getMessage());
            }
            if (extracted.captures().isEmpty()) {
                throw new IllegalArgumentException("--nist: the file holds no single finger to send");
            }
            FingerSet set = node.services.biometrics().probe(extracted.captures());
            List<ProbeFinger> fingers = new ArrayList<>();
            for (var position : set.capturedPositions()) {
                FingerTemplate template = set.template(position).orElseThrow();
                fingers.add(ProbeFinger.of(template, template.quality().map(FingerQuality::score).orElse(null)));
            }
            return fingers;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Probes sent, newest first: id, state, outcome, partner, purpose, case, asked at.")
    static final class ListProbes implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--identification", paramLabel = "N", description = "only those of this identification")
        Long identification;
        @Mixin
        ListLimit limit;

        @Override
        public Integer call() {
            int limit = this.limit.value();
            try (Node node = data.open()) {
                for (PartnerProbe p : ConfirmationCli.confirmation(node).probes().list(identification,
                        Operator.actor("probes listed at shell"), limit)) {
                    System.out.println(ConfirmationCli.line(p.id(), p.state().name().toLowerCase(java.util.Locale.ROOT),
                            p.outcome(), p.partner(), p.purpose(), p.caseRef(), p.askedAt()));
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One probe sent, as JSON.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "ID", description = "the probe's id")
        String id;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                ConfirmationCli.print(ConfirmationViews.probe(ConfirmationCli.confirmation(node).probes().find(id,
                        Operator.actor("probe read at shell")), node.services.clock().instant()));
            }
            return 0;
        }
    }

    @Command(name = "receipt", mixinStandardHelpOptions = true,
            description = "Save the partner's signed deletion receipt of a probe; 'ibex receipt FILE' verifies it.")
    static final class Receipt implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "ID", description = "the probe's id")
        String id;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the receipt")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (Node node = data.open()) {
                PartnerProbe probe = ConfirmationCli.confirmation(node).probes().find(id,
                        Operator.actor("probe receipt saved at shell"));
                if (probe.receipt() == null) {
                    throw new IllegalArgumentException("probe " + id + " has no deletion receipt yet: it is "
                            + probe.state().name().toLowerCase(java.util.Locale.ROOT));
                }
                Files.write(out, probe.receipt().toFile());
                System.out.println("receipt of probe " + id + " written to " + out);
            }
            return 0;
        }
    }
}
