package org.ibex.cli;

import org.ibex.names.NameMatcher;
import org.ibex.names.NameScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Name matching from the command line. */
@Command(name = "names", mixinStandardHelpOptions = true, description = "Cross-script name matching.",
        subcommands = NamesCommand.Score.class)
final class NamesCommand {

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Read 'nameA<TAB>nameB' lines from standard input; print 'score<TAB>true|false' per line.")
    static final class Score implements Callable<Integer> {
        @Option(names = "--explain", description = "add a third column with the explanation")
        boolean explain;

        @Override
        public Integer call() throws Exception {
            NameMatcher matcher = new NameMatcher();
            int bad = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                int number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        System.err.println("line " + number + ": expected nameA<TAB>nameB");
                        System.out.println("0.0000\tfalse");
                        bad++;
                        continue;
                    }
                    NameScore score = matcher.score(line.substring(0, tab), line.substring(tab + 1));
                    System.out.println(String.format(Locale.ROOT, "%.4f", score.score()) + "\t" + score.match()
                            + (explain ? "\t" + score.explanation() : ""));
                }
            }
            return bad == 0 ? 0 : 1;
        }
    }
}
