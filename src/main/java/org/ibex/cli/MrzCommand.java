package org.ibex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.document.MrzBlocks;
import org.ibex.document.MrzInputException;
import org.ibex.document.MrzIssue;
import org.ibex.document.MrzParser;
import org.ibex.document.MrzReading;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Reads MRZ blocks from standard input and validates each: exit 0 all valid, 1 any invalid, 2 unusable input. */
@Command(name = "mrz", mixinStandardHelpOptions = true,
        description = "Validate machine readable zones read from standard input (blocks separated by a blank line).")
final class MrzCommand implements Callable<Integer> {
    /** More than any honest batch of zones; stops a runaway pipe from filling memory. */
    static final int MAX_INPUT = 16 << 20;

    @Option(names = "--json", description = "one JSON object per document on its own line")
    boolean json;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    MrzCommand() {
        this(System.in, System.out, System.err);
    }

    MrzCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        byte[] bytes = in.readNBytes(MAX_INPUT + 1);
        if (bytes.length > MAX_INPUT) {
            err.println("ibex mrz: input larger than " + MAX_INPUT + " bytes; split it");
            return 2;
        }
        List<String> blocks = MrzBlocks.split(new String(bytes, StandardCharsets.UTF_8));
        if (blocks.isEmpty()) {
            err.println("ibex mrz: no MRZ on standard input (blocks of 2 or 3 lines separated by a blank line)");
            return 2;
        }
        MrzParser parser = new MrzParser(Clock.systemUTC());
        ObjectMapper mapper = Json.mapper();
        boolean anyInvalid = false;
        boolean anyUnusable = false;
        for (int i = 0; i < blocks.size(); i++) {
            try {
                MrzReading reading = parser.parse(blocks.get(i));
                anyInvalid |= !reading.valid();
                out.println(json ? Json.write(mapper, reading) : human(reading));
            } catch (MrzInputException e) {
                anyUnusable = true;
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("valid", false);
                error.put("block", i + 1);
                error.put("error", Map.of("field", e.field(), "rule", e.rule(), "message", e.getMessage()));
                out.println(json ? Json.write(mapper, error) : "block " + (i + 1) + ": unusable: " + e.getMessage());
            }
        }
        return anyUnusable ? 2 : anyInvalid ? 1 : 0;
    }

    private static String human(MrzReading r) {
        StringBuilder text = new StringBuilder();
        text.append(r.valid() ? "VALID   " : "INVALID ").append(r.format()).append(' ').append(r.documentCode())
                .append(' ').append(r.issuingState()).append(' ').append(r.documentNumber()).append("  ")
                .append(r.surname()).append(", ").append(r.givenNames()).append("  born ").append(r.dateOfBirth())
                .append(" sex ").append(r.sex()).append(" nationality ").append(r.nationality())
                .append(" expires ").append(r.dateOfExpiry());
        for (MrzIssue e : r.errors()) {
            text.append("\n  error ").append(e.field()).append(" [").append(e.rule()).append("] ").append(e.message());
        }
        r.repairs().forEach(p -> text.append("\n  repaired ").append(p.field()).append(": ").append(p.message()));
        r.suggestions().forEach(s -> text.append("\n  suggestion ").append(s.field()).append(": ").append(s.message()));
        return text.toString();
    }
}
