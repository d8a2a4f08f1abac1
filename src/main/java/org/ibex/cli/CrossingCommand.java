package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.border.CrossingRepository;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Permit;
import org.ibex.border.RecordedCrossing;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** Records or lists crossings from the command line. */
@Command(name = "crossing", mixinStandardHelpOptions = true, description = "Record or list crossings.",
        subcommands = {CrossingCommand.Record.class, CrossingCommand.ListCrossings.class})
final class CrossingCommand {

    @Command(name = "record", mixinStandardHelpOptions = true,
            description = "Record a crossing from an MRZ (file, or - for standard input); prints the decision as JSON.")
    static final class Record implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--post", required = true)
        String post;
        @Option(names = "--officer", required = true)
        String officer;
        @Option(names = "--direction", required = true, description = "entry or exit")
        String direction;
        @Option(names = "--mrz", required = true, paramLabel = "FILE", description = "MRZ lines; - reads standard input")
        String mrz;
        @Option(names = "--at", description = "when it happened (ISO instant; default now)")
        Instant at;
        @Option(names = "--late-reason", description = "why it is recorded late: required when --at lies further back"
                + " than crossings.max-skew-minutes")
        String lateReason;
        @Option(names = "--permit-type")
        String permitType;
        @Option(names = "--permit-valid-from")
        LocalDate permitValidFrom;
        @Option(names = "--permit-valid-until")
        LocalDate permitValidUntil;
        @Option(names = "--permit-entries")
        Integer permitEntries;
        @Option(names = "--permit-days")
        Integer permitDays;

        @Override
        public Integer call() throws Exception {
            String zone = mrz.equals("-") ? new String(System.in.readNBytes(4096), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(mrz), StandardCharsets.UTF_8);
            Permit permit = permitType == null ? null
                    : new Permit(permitType, permitValidFrom, permitValidUntil, permitEntries, permitDays);
            CrossingRequest request = new CrossingRequest(null, Direction.parse(direction), post, at, zone, null,
                    permit, null, officer, java.util.List.of(), lateReason);
            try (Node node = data.open()) {
                RecordedCrossing recorded = node.services.border().record(request, Operator.actor("crossing recorded at shell"));
                ObjectMapper mapper = Json.mapper();
                System.out.println(Json.write(mapper, recorded));
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List crossings, newest first, as JSON lines.")
    static final class ListCrossings implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--post")
        String post;
        @Option(names = "--person")
        Long person;
        @Option(names = "--limit", defaultValue = "100")
        int limit;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 100_000) {
                throw new IllegalArgumentException("--limit must be 1..100000 (got " + limit + ")");
            }
            try (Node node = data.open()) {
                ObjectMapper mapper = Json.mapper();
                node.services.border().list(new CrossingRepository.Filter(post, person, null, null, limit),
                        Operator.actor("crossings listed at shell")).forEach(c -> System.out.println(Json.write(mapper, c)));
                return 0;
            }
        }
    }
}
