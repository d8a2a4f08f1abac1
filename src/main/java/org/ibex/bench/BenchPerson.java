package org.ibex.bench;

import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic person for benchmarks: a surname and a given name drawn from the real name pairs of one
 * script, a birth date, the name in the original script (as a list holds it) and in Latin (as a passport).
 */
public record BenchPerson(String script, BenchNames.Pair surname, BenchNames.Pair given, LocalDate birth) {

    public static BenchPerson random(Map<String, List<BenchNames.Pair>> pairs, List<String> scripts, Random random) {
        String script = scripts.get(random.nextInt(scripts.size()));
        List<BenchNames.Pair> pool = pairs.get(script);
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(65 * 365));
        return new BenchPerson(script, pool.get(random.nextInt(pool.size())), pool.get(random.nextInt(pool.size())), birth);
    }

    /** Foreign names transcribed into Chinese or Japanese separate their parts with a middle dot. */
    public String original() {
        String separator = switch (script) {
            case "chinese" -> "·";
            case "japanese" -> "・";
            default -> " ";
        };
        return surname.original() + separator + given.original();
    }

    public String latin() {
        return (given.latin() + " " + surname.latin()).toUpperCase(Locale.ROOT);
    }

    public PersonEntry entry(String listId, String entryId) {
        return new PersonEntry(listId, entryId, List.of(original()), PartialDate.of(birth),
                BenchNames.NATIONALITY.get(script), null, "benchmark", "benchmark", null, null,
                EntryAction.REFER_TO_SECOND_LINE);
    }
}
