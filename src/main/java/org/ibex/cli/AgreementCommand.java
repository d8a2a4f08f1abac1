package org.ibex.cli;

import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.AgreementException;
import org.ibex.agreement.AgreementFile;
import org.ibex.agreement.AgreementOverview;
import org.ibex.agreement.AgreementUsage;
import org.ibex.agreement.InstalledAgreement;
import org.ibex.agreement.SignedAgreement;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.DataFolder;
import org.ibex.trust.Membership;
import org.ibex.trust.NodeCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** Agreements between agencies or states as signed files: drafted, signed by each party, verified, installed. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Agreements with other agencies or states: draft, sign, verify, install, list, revoke.",
        subcommands = {AgreementCommand.Schema.class, AgreementDraftCommand.class, AgreementCommand.Sign.class,
                AgreementVerifyCommand.class, AgreementCommand.Install.class, AgreementCommand.ListInstalled.class,
                AgreementCommand.Revoke.class})
final class AgreementCommand {
    private AgreementCommand() {
    }

    /** Reads at most {@link AgreementFile#MAX_BYTES} + 1 bytes, so an oversize file is refused unread. */
    static byte[] readFile(Path file) throws AgreementException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(AgreementFile.MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new AgreementException(AgreementException.Kind.UNUSABLE, "", file + " does not exist");
        } catch (IOException e) {
            throw new AgreementException(AgreementException.Kind.UNUSABLE, "", "cannot read " + file + ": "
                    + e.getMessage());
        }
    }

    static AgreementBook book(Node node) {
        return node.services.agreements().orElseThrow(() -> new IllegalArgumentException("this node has not joined"
                + " a federation; run 'ibex exchange join' first"));
    }

    static String line(InstalledAgreement installed) {
        String signers = String.join(", ", installed.signers().stream().map(s -> s.party() + " by " + s.node())
                .toList());
        return installed.reference() + "  " + installed.state() + (installed.agreement() == null ? ""
                : "  " + installed.agreement().parties() + "  " + installed.agreement().validFrom() + " to "
                + installed.agreement().validUntil() + "  \"" + installed.agreement().title() + "\"")
                + (signers.isEmpty() ? "" : "  signed: " + signers)
                + (installed.endReason() == null ? "" : "  ended: " + installed.endReason())
                + (installed.problem() == null ? "" : "  UNUSABLE: " + installed.problem());
    }

    @Command(name = "schema", mixinStandardHelpOptions = true,
            description = "Print the JSON schema of agreement files (ibex.agreement/1).")
    static final class Schema implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            try (InputStream in = AgreementFile.class.getResourceAsStream("agreement.schema.json")) {
                System.out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            return 0;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Sign an agreement file for this node's party with the node key in DATA/exchange.")
    static final class Sign implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the agreement file (a draft or signed by the other party)")
        Path file;

        @Mixin
        DataOptions data;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write the signed file (default: FILE)")
        Path out;

        @Override
        public Integer call() throws Exception {
            SignedAgreement draft = AgreementFile.read(readFile(file));
            DataFolder folder = DataFolder.open(data.folder(), System.getenv());
            Path exchange = Node.exchangeFolder(folder);
            if (!Membership.present(exchange)) {
                throw new IllegalArgumentException(folder.root() + " has not joined a federation: there is no node"
                        + " key to sign with; run 'ibex exchange join' first");
            }
            NodeCredentials credentials = Membership.load(exchange, Node.passphrase(folder), Clock.systemUTC())
                    .credentials();
            SignedAgreement signed = AgreementFile.sign(draft, credentials);
            Path target = out == null ? file : out;
            Files.write(target, AgreementFile.write(signed));
            System.out.println("signed " + signed.agreement().reference() + " for " + signed.signatures().stream()
                    .filter(s -> s.party().covers(credentials.node())).findFirst().orElseThrow().party() + " as "
                    + credentials.node() + " into " + target + " (" + signed.signatures().size() + " of "
                    + signed.agreement().parties().size() + " parties have signed)");
            return 0;
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install a signed agreement at this node; a later version supersedes the one in force.")
    static final class Install implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the agreement file signed by every party")
        Path file;

        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws Exception {
            byte[] bytes = readFile(file);
            try (Node node = data.open()) {
                InstalledAgreement installed = book(node).install(bytes, Operator.actor("agreement installed at"
                        + " shell"));
                System.out.println("installed " + line(installed));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every installed version of every agreement, newest first: state, signers, quota used.")
    static final class ListInstalled implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                java.util.List<AgreementOverview.Entry> all = new AgreementOverview(node.services.database(),
                        book(node), Clock.systemUTC()).all();
                for (AgreementOverview.Entry entry : all) {
                    System.out.println(line(entry.installed()));
                    for (AgreementUsage.RuleUsage use : entry.rules()) {
                        System.out.println("  " + use.rule().asker() + " asks " + use.rule().answerer() + " ("
                                + use.side().name().toLowerCase(java.util.Locale.ROOT) + " here): today "
                                + use.today() + " of " + use.rule().perDay() + ", this year " + use.thisYear()
                                + " of " + use.rule().perYear() + ", kept " + use.rule().retentionDays() + " days"
                                + (use.rule().humanApproval() ? ", a person approves each release" : ""));
                    }
                }
                if (all.isEmpty()) {
                    System.out.println("no agreement installed");
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "End the version in force of an agreement; nothing is asked or answered under it after.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "the agreement id, such as UTO-POL-IMM")
        String id;

        @Option(names = "--reason", required = true, description = "why the agreement ends (1 to 500 characters)")
        String reason;

        @Mixin
        DataOptions data;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                InstalledAgreement revoked = book(node).revoke(id, reason, Operator.actor("agreement revoked at"
                        + " shell"));
                System.out.println("revoked " + line(revoked));
            }
            return 0;
        }
    }
}
