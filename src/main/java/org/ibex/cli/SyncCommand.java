package org.ibex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.node.Node;
import org.ibex.node.OpenedExchange;
import org.ibex.store.DataFolder;
import org.ibex.store.Json;
import org.ibex.sync.HeadquartersSync;
import org.ibex.sync.PostContact;
import org.ibex.sync.PostSync;
import org.ibex.sync.ReferenceAge;
import org.ibex.sync.SyncStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Replication's state on this node, read from a stopped node's store as {@code exchange status} does. */
@Command(name = "sync", mixinStandardHelpOptions = true, description = "Sync between posts and headquarters.",
        subcommands = {SyncCommand.Status.class})
final class SyncCommand {
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "A post: headquarters' last contact, what waits to leave, the age of each reference copy."
                    + " A headquarters: every post's last contact, backlog and staleness.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--json", description = "print the state as JSON, as GET /api/sync/status answers it")
        boolean json;

        @Override
        public Integer call() throws Exception {
            DataFolder folder = DataFolder.open(data.folder(), System.getenv());
            try (OpenedExchange opened = OpenedExchange.of(data.folder(), System.getenv())) {
                SyncStatus status = Node.syncStatus(folder, opened.database(), opened.exchange(),
                        java.time.Clock.systemUTC());
                Object view = switch (status.place()) {
                    case POST -> status.post();
                    case HEADQUARTERS -> status.headquarters();
                    case NEITHER -> throw new IllegalArgumentException("node " + status.node() + " is neither a"
                            + " headquarters (unit HQ) nor a post whose headquarters is in the directory");
                };
                if (json) {
                    ObjectMapper mapper = Json.mapper();
                    System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(view));
                } else {
                    (view instanceof PostSync post ? lines(post) : lines((HeadquartersSync) view))
                            .forEach(System.out::println);
                }
            }
            return 0;
        }

        static List<String> lines(PostSync post) {
            List<String> lines = new ArrayList<>();
            lines.add("post " + post.node() + ", headquarters " + post.headquarters());
            lines.add("last contact with headquarters: " + (post.lastContact() == null ? "never"
                    : post.lastContact() + " (" + ago(post.secondsSinceContact()) + " ago)")
                    + (post.quiet() ? "  QUIET: more than " + post.quietAfterHours() + " h" : ""));
            lines.add("backlog: " + post.unqueuedRecords() + " records not yet queued (journal " + post.journalHead()
                    + ", queued up to " + post.shippedUpTo() + "), " + post.pendingBatches() + " batches on the way"
                    + (post.oldestWaitingAt() == null ? "" : ", oldest waiting since " + post.oldestWaitingAt()));
            lines.add("");
            lines.add(String.format("%-32s %-12s %8s %-22s %10s  %s", "reference copy", "kind", "version",
                    "issued", "age", "state (max " + post.referenceMaxAgeHours() + " h)"));
            for (ReferenceAge copy : post.references()) {
                lines.add(String.format("%-32s %-12s %8d %-22s %10s  %s", copy.dataset(), copy.kind(), copy.version(),
                        copy.issuedAt(), ago(copy.ageSeconds()), copy.stale() ? "STALE: " + copy.staleReason()
                                : "current until " + copy.expiresAt()));
            }
            if (post.references().isEmpty()) {
                lines.add("(no reference copy received yet)");
            }
            return lines;
        }

        static List<String> lines(HeadquartersSync hq) {
            List<String> lines = new ArrayList<>();
            lines.add("headquarters " + hq.node() + ": " + hq.posts().size() + " posts, " + hq.stalePosts()
                    + " stale (quiet after " + hq.quietAfterHours() + " h)");
            lines.add(String.format("%-28s %-22s %10s %10s %-22s %10s  %s", "post", "last contact", "ago", "backlog",
                    "oldest waiting", "held", "state"));
            for (PostContact post : hq.posts()) {
                lines.add(String.format("%-28s %-22s %10s %10s %-22s %10d  %s", post.node(),
                        post.lastContact() == null ? "never" : post.lastContact().toString(),
                        ago(post.secondsSinceContact()), post.backlogRecords() == null ? "-" : post.backlogRecords(),
                        post.oldestWaitingAt() == null ? "-" : post.oldestWaitingAt().toString(), post.recordsHeld(),
                        post.stale() ? "STALE: " + post.staleReason() : "ok"));
            }
            return lines;
        }

        private static String ago(Long seconds) {
            if (seconds == null) {
                return "-";
            }
            Duration d = Duration.ofSeconds(seconds);
            return d.toDays() > 0 ? d.toDays() + "d" + d.toHoursPart() + "h" : d.toHours() > 0 ? d.toHours() + "h"
                    + d.toMinutesPart() + "m" : d.toMinutes() + "m" + d.toSecondsPart() + "s";
        }
    }
}
