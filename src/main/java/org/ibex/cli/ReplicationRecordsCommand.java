package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.replication.NationalRecords;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Lists headquarters' national store from a stopped node's data folder, newest capture first; the read is logged. */
@Command(name = "records", mixinStandardHelpOptions = true,
        description = "List the records of every post held in this headquarters' national store.")
final class ReplicationRecordsCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--kind", description = "only this kind: crossing, hit.disposition, enrolment, identification")
    String kind;

    @Option(names = "--post", description = "only the records of this border post")
    String post;

    @Option(names = "--limit", defaultValue = "100", description = "at most this many, 1..1000 (default 100)")
    int limit;

    @Option(names = "--json", description = "one JSON object per record")
    boolean json;

    @Override
    public Integer call() {
        NationalRecords.Query query = new NationalRecords.Query(kind, post, null, null, null, limit, null);
        try (Node node = data.open()) {
            boolean headquarters = node.replication.map(r -> r.roles().isHeadquarters()).orElse(false);
            if (!headquarters) {
                System.err.println("ibex: this node is not a headquarters: the national store is kept at its"
                        + " agency's STATE/AGENCY/HQ" + (node.replication.isEmpty() ? " (and it has not joined a"
                        + " federation)" : ""));
                return 1;
            }
            NationalRecords.Page page = new NationalRecords(node.database, node.services.accessLog())
                    .list(query, Operator.actor("national records listed at shell"));
            var mapper = Json.mapper();
            for (NationalRecords.Listed r : page.records()) {
                if (json) {
                    System.out.println(Json.write(mapper, r));
                } else {
                    System.out.printf("%s  %-28s %8d  %-16s %-12s %s%n", r.capturedAt(), r.origin(), r.seq(),
                            r.kind(), r.postId() == null ? "-" : r.postId(), r.outcome());
                }
            }
            if (!json) {
                System.out.println(page.records().size() + " records" + (page.next() == null ? ""
                        : " (more: raise --limit or narrow with --kind/--post)"));
            }
            return 0;
        }
    }
}
