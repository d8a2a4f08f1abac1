package org.ibex.cli;

import org.ibex.audit.AccessLog;
import org.ibex.inquiry.Disclosure;
import org.ibex.inquiry.Disclosures;
import org.ibex.inquiry.InquiryViews;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The disclosure ledger for an oversight body: one person's, or the node's latest, as JSON or CSV. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "The disclosure ledger: every question and answer that carried a person's data to or from"
                + " another agency, as JSON (default) or CSV.")
final class LedgerCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Option(names = "--person", paramLabel = "ID", description = "one person's ledger, oldest first")
    Long person;
    @Option(names = "--format", defaultValue = "json", description = "json or csv (default ${DEFAULT-VALUE})")
    String format;
    @Option(names = "--limit", defaultValue = "1000", description = "the node's latest lines, 1..1000 (default"
            + " ${DEFAULT-VALUE}); a person's ledger is whole")
    int limit;

    @Override
    public Integer call() {
        String chosen = format.strip().toLowerCase(Locale.ROOT);
        if (!chosen.equals("json") && !chosen.equals("csv")) {
            throw new IllegalArgumentException("--format must be json or csv (got '" + format + "')");
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("--limit must be 1 to 1000 (got " + limit + ")");
        }
        try (Node node = data.open()) {
            Disclosures ledger = InquiryCli.inquiry(node).ledger();
            List<Disclosure> lines = person == null ? ledger.recent(null, limit) : ledger.forPerson(person);
            node.services.accessLog().record(AccessLog.Access.by(Operator.actor("ledger exported at shell"),
                    "disclosure.export", person == null ? "ledger" : "person/" + person));
            System.out.print(chosen.equals("csv") ? new String(org.ibex.inquiry.LedgerExport.csv(lines),
                    java.nio.charset.StandardCharsets.UTF_8)
                    : Json.write(Json.mapper(), InquiryViews.ledger(lines)) + "\n");
        }
        return 0;
    }
}
