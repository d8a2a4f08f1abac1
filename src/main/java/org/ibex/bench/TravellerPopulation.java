package org.ibex.bench;

import org.ibex.watchlist.ScreeningQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Ordinary travellers for calibration and benchmarks: a given name and a surname drawn from the Latin side of one
 * script's Wikidata name pairs (so each traveller's name is written as a passport of that region prints it), a
 * birth date for ages 0 to 90 on {@code reference}, the nationality that goes with the script, a sex and a
 * passport number. Deterministic for a seed. It is NOT a census: names are as frequent as Wikidata labels make
 * them, not as common as in a real population, and no traveller is on a list on purpose.
 */
public final class TravellerPopulation {
    private static final String DOCUMENT_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private final Map<String, List<BenchNames.Pair>> pairs;
    private final List<String> scripts;
    private final LocalDate reference;

    public TravellerPopulation(Map<String, List<BenchNames.Pair>> pairs, LocalDate reference) {
        this.pairs = pairs;
        this.scripts = new ArrayList<>(pairs.keySet());
        this.reference = reference;
    }

    /** One traveller in the batch-screening columns: id, name, dateOfBirth, nationality, sex, documentNumber. */
    public record Traveller(String id, String name, LocalDate dateOfBirth, String nationality, String sex,
                            String documentNumber) {
        public ScreeningQuery query() {
            return new ScreeningQuery(name, dateOfBirth, nationality, sex, documentNumber, nationality);
        }

        public List<String> columns() {
            return List.of(id, name, dateOfBirth.toString(), nationality, sex, documentNumber);
        }
    }

    public List<Traveller> generate(int size, long seed) {
        Random random = new Random(seed);
        List<Traveller> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String script = scripts.get(random.nextInt(scripts.size()));
            List<BenchNames.Pair> pool = pairs.get(script);
            String given = pool.get(random.nextInt(pool.size())).latin();
            String surname = pool.get(random.nextInt(pool.size())).latin();
            LocalDate birth = reference.minusDays(random.nextInt(90 * 365 + 22));
            StringBuilder document = new StringBuilder();
            for (int c = 0; c < 2; c++) {
                document.append(DOCUMENT_LETTERS.charAt(random.nextInt(DOCUMENT_LETTERS.length())));
            }
            document.append(String.format("%07d", random.nextInt(10_000_000)));
            out.add(new Traveller("T" + (i + 1), (given + " " + surname).toUpperCase(Locale.ROOT), birth,
                    BenchNames.NATIONALITY.get(script), random.nextBoolean() ? "M" : "F", document.toString()));
        }
        return out;
    }
}
