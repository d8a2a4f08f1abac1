package org.ibex.cli;

import org.ibex.agreement.AgreementDraft;
import org.ibex.agreement.AgreementRule;
import org.ibex.agreement.Party;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Writes an unsigned agreement file from options, checked as the reader checks a file, for the parties to sign. */
@Command(name = "draft", description = "Write an unsigned agreement file for the parties to sign in turn.")
final class AgreementDraftCommand implements Callable<Integer> {
    // No standard help mixin: its --version would take the agreement's --version.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--id", required = true, description = "the agreement id: 3 to 64 of A-Z, 0-9, -")
    String id;

    @Option(names = "--version", defaultValue = "1", description = "the version, from 1 (default 1)")
    int version;

    @Option(names = "--title", required = true, description = "what the agreement is, in one line")
    String title;

    @Option(names = "--parties", required = true, split = ",", paramLabel = "A,B",
            description = "the two parties: states (XXB) or agencies (UTO/POL)")
    List<String> parties;

    @Option(names = "--from", required = true, description = "first day in force, yyyy-MM-dd (UTC)")
    LocalDate from;

    @Option(names = "--until", required = true, description = "last day in force, yyyy-MM-dd (UTC)")
    LocalDate until;

    @Option(names = "--rule", required = true, paramLabel = "RULE", description = "repeatable: asker=UTO/POL;"
            + "answerer=UTO/IMM;queries=crossings;purposes=criminal-investigation;categories=hit,biographic;"
            + "per-day=100;per-year=10000;retention-days=90;approval=false")
    List<String> rules;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the draft (default: print it)")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<Party> named = new ArrayList<>();
        for (String party : parties) {
            try {
                named.add(Party.parse(party.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--parties: " + e.getMessage());
            }
        }
        List<AgreementRule> read = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            try {
                read.add(AgreementDraft.rule(rules.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--rule " + (i + 1) + ": " + e.getMessage());
            }
        }
        AgreementDraft draft = new AgreementDraft(id, version, title, named, from, until, read);
        draft.read();
        if (out == null) {
            System.out.write(draft.write());
            System.out.flush();
        } else {
            Files.write(out, draft.write());
            System.out.println("drafted " + id + "@v" + version + " into " + out + "; each party signs it with"
                    + " 'ibex agreement sign " + out + " --data DATA'");
        }
        return 0;
    }
}
