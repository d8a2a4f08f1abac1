package org.ibex.cli;

import org.ibex.node.Failures;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Entry point of the ibex command: one jar, one command per capability. */
@Command(name = "ibex", mixinStandardHelpOptions = true, version = "ibex 0.1.0",
        description = "IBEX - Integrated Border EXchange: a border-post node.",
        subcommands = {ServeCommand.class, DemoCommand.class, MrzCommand.class, CrossingCommand.class,
                OverstayersCommand.class, ImportCommand.class, BenchCommand.class, UserCommand.class,
                PostCommand.class, CertCommand.class, PkiCommand.class, WatchlistCommand.class, NamesCommand.class, NistCommand.class,
                AuditCommand.class, ExchangeCommand.class, ReplicationCommand.class, SyncCommand.class,
                StoreCommand.class, WantedCommand.class, AgreementCommand.class, AskCommand.class,
                QuestionCommand.class, RequestCommand.class, LedgerCommand.class, ReceiptCommand.class,
                ProbeCommand.class, ReleaseCommand.class, ReleaseDeskCommand.class, ProtectionCommand.class,
                StatsCommand.class, GenerateCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.registerConverter(LocalDate.class, text -> parse(text, LocalDate::parse, "a date yyyy-MM-dd"));
        cli.registerConverter(Instant.class, text -> parse(text, Instant::parse, "an instant such as 2026-03-01T08:15:00Z"));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            // Operators get the cause in one line; a stack trace only with IBEX_DEBUG set.
            command.getErr().println("ibex: " + describe(e));
            if (System.getenv("IBEX_DEBUG") != null) {
                e.printStackTrace(command.getErr());
            }
            return 2;
        });
        return cli.execute(args);
    }

    private static <T> T parse(String text, java.util.function.Function<String, T> parser, String expected) {
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not " + expected);
        }
    }

    static String describe(Throwable e) {
        return Failures.describe(e);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
