package org.ibex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the ibex command: one jar, one command per capability. */
@Command(name = "ibex", mixinStandardHelpOptions = true, version = "ibex 0.1.0",
        description = "IBEX - Integrated Border EXchange: a border-post node.",
        subcommands = {ServeCommand.class, DemoCommand.class, MrzCommand.class, CrossingCommand.class,
                OverstayersCommand.class, ImportCommand.class, BenchCommand.class, UserCommand.class,
                PostCommand.class, CertCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
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

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
