package org.ibex.cli;

import org.ibex.biometrics.NistFormatException;
import org.ibex.biometrics.NistReader;
import org.ibex.biometrics.NistTransaction;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Prints every record of a transaction: type, IDC, fields with their names, and image summaries. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "List the records and fields of an ANSI/NIST-ITL file (exit 1 if the file is rejected).")
final class NistDumpCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the transaction (.an2, .nist, .eft)")
    Path file;
    @Option(names = "--json", description = "one JSON document instead of a listing")
    boolean json;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        NistTransaction transaction;
        try {
            transaction = read(file);
        } catch (NistFileException e) {
            System.err.println("ibex nist dump: " + e.getMessage());
            return e.exit;
        }
        out.println(json ? Json.write(Json.mapper(), NistListing.json(file, transaction)) : NistListing.text(file, transaction));
        return 0;
    }

    /** Reads a transaction; a missing file is a usage error (2), a broken one a rejection (1). */
    static NistTransaction read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new NistFileException(2, "cannot read " + file + ": no such readable file");
        }
        try {
            return new NistReader().read(file);
        } catch (NistFormatException e) {
            throw new NistFileException(1, file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new NistFileException(2, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A file the nist commands cannot use, with the exit code it means. */
    static final class NistFileException extends RuntimeException {
        final int exit;

        NistFileException(int exit, String message) {
            super(message);
            this.exit = exit;
        }
    }
}
