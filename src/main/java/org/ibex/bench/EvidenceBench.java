package org.ibex.bench;

import org.ibex.country.Countries;
import org.ibex.names.NameKey;
import org.ibex.names.NameMatcher;
import org.ibex.watchlist.BirthEvidence;
import org.ibex.watchlist.EvidenceModel;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ScreeningQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * {@code ibex bench evidence}: measures what {@link EvidenceModel}'s weights stand on. Genuine name pairs are the
 * lists' own variations (MRZ form, swapped, one typo, original script) against their entry, and the shared
 * Wikidata pairs (Latin against original script); unrelated pairs are travellers of the population against a
 * random listed person. Birth date, nationality and sex are measured on the unrelated pairs; for the genuine side
 * the rates at which a listed person's document disagrees with his listing are stated assumptions (printed).
 * Prints each log-likelihood ratio beside the one in the code.
 */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Measure the evidence weights of the screening score on real lists and a population.")
public final class EvidenceBench implements Callable<Integer> {
    @Option(names = "--list", required = true, arity = "1..*", paramLabel = "FILE")
    public List<Path> lists;
    @Option(names = "--population", required = true, paramLabel = "FILE", description = "batch CSV of ordinary travellers")
    public Path population;
    @Option(names = "--pairs", defaultValue = "300000", description = "unrelated pairs sampled")
    public int pairs;
    @Option(names = "--names", paramLabel = "DIR", description = "folder of wd_<script>_80.tsv (default ../shared/data/names)")
    public Path names;
    @Option(names = "--seed", defaultValue = "7")
    public long seed;

    /** Assumed: how often a listed person's own document agrees with his listing (no data can say it). */
    static final Map<BirthEvidence, Double> GENUINE_BIRTH = new EnumMap<>(Map.of(
            BirthEvidence.EXACT, 0.93, BirthEvidence.FITS, 0.90, BirthEvidence.ONE_DIGIT_OFF, 0.03,
            BirthEvidence.NEAR_YEAR, 0.05, BirthEvidence.CONFLICT, 0.04, BirthEvidence.CONFLICT_APPROXIMATE, 0.05));
    static final double GENUINE_NATIONALITY = 0.90;
    static final double GENUINE_SEX = 0.98;
    static final double GENUINE_DOCUMENT = 0.30;
    /** Bin edges of name similarity; the last bin is an exact name. */
    static final double[] EDGES = {0, 0.50, 0.60, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.995, 1.01};

    @Override
    public Integer call() throws Exception {
        List<PersonEntry> listed = new ArrayList<>();
        BenchLists.load(lists).values().forEach(listed::addAll);
        List<ScreeningQuery> travellers = BenchLists.population(population);
        NameMatcher matcher = new NameMatcher();
        List<List<NameKey>> keys = listed.stream().map(e -> e.names().stream().map(matcher::key).toList()).toList();

        List<ListedVariations.Variation> variations = ListedVariations.of(listed, seed);
        java.util.IdentityHashMap<PersonEntry, Integer> at = new java.util.IdentityHashMap<>();
        for (int i = 0; i < listed.size(); i++) {
            at.put(listed.get(i), i);
        }
        double[] genuine = variations.parallelStream()
                .mapToDouble(v -> best(matcher, matcher.key(v.query().name()), keys.get(at.get(v.entry())))).toArray();
        Map<String, List<BenchNames.Pair>> wd = BenchNames.load(names == null ? BenchNames.sharedFolder() : names);
        Random random = new Random(seed);
        List<String> scripts = new ArrayList<>(wd.keySet());
        List<BenchPerson> crossScript = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            crossScript.add(BenchPerson.random(wd, scripts, random));
        }
        double[] wikidata = crossScript.parallelStream()
                .mapToDouble(p -> matcher.similarity(matcher.key(p.latin()), matcher.key(p.original()))).toArray();

        int[] entryOf = new int[pairs];
        int[] travellerOf = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            entryOf[i] = random.nextInt(listed.size());
            travellerOf[i] = random.nextInt(travellers.size());
        }
        List<NameKey> travellerKeys = travellers.stream().map(t -> matcher.key(t.name())).toList();
        double[] unrelated = IntStream.range(0, pairs).parallel()
                .mapToDouble(i -> best(matcher, travellerKeys.get(travellerOf[i]), keys.get(entryOf[i]))).toArray();

        System.out.printf("name pairs: %d genuine from the lists' variations, %d genuine Wikidata (Latin vs original),"
                + " %d unrelated (population vs listed)%n", genuine.length, wikidata.length, unrelated.length);
        System.out.printf("%-12s %10s %10s %10s %9s %9s%n", "similarity", "genuine", "wikidata", "unrelated", "LLR",
                "in code");
        int[] g = histogram(genuine);
        int[] w = histogram(wikidata);
        int[] u = histogram(unrelated);
        for (int b = 0; b < EDGES.length - 1; b++) {
            // The two genuine sets weigh alike: the lists' own variations and real cross-script pairs.
            double pg = 0.5 * (g[b] + 0.25) / genuine.length + 0.5 * (w[b] + 0.25) / wikidata.length;
            double pu = (u[b] + 0.5) / unrelated.length;
            double mid = b == EDGES.length - 2 ? 1.0 : (EDGES[b] + EDGES[b + 1]) / 2;
            System.out.printf(Locale.ROOT, "%-12s %9.2f%% %9.2f%% %9.4f%% %+9.2f %+9.2f%n",
                    String.format(Locale.ROOT, "%.2f-%.2f", EDGES[b], Math.min(1, EDGES[b + 1])), 100.0 * g[b] / genuine.length,
                    100.0 * w[b] / wikidata.length, 100.0 * u[b] / unrelated.length, Math.log(pg / pu),
                    EvidenceModel.nameLlr(mid));
        }

        Map<BirthEvidence, Integer> births = new EnumMap<>(BirthEvidence.class);
        int nationalityPairs = 0;
        int nationalityMatch = 0;
        int sexPairs = 0;
        int sexMatch = 0;
        for (int i = 0; i < pairs; i++) {
            PersonEntry entry = listed.get(entryOf[i]);
            ScreeningQuery t = travellers.get(travellerOf[i]);
            births.merge(BirthEvidence.best(entry.datesOfBirth(), t.dateOfBirth()).evidence(), 1, Integer::sum);
            if (t.nationality() != null && !entry.nationalities().isEmpty()) {
                nationalityPairs++;
                nationalityMatch += entry.nationalities().stream().anyMatch(n -> Countries.sameCountry(t.nationality(), n))
                        ? 1 : 0;
            }
            if (t.sex() != null && entry.sex() != null) {
                sexPairs++;
                sexMatch += t.sex().equals(entry.sex()) ? 1 : 0;
            }
        }
        int dated = pairs - births.getOrDefault(BirthEvidence.UNKNOWN, 0);
        int full = births.getOrDefault(BirthEvidence.EXACT, 0) + births.getOrDefault(BirthEvidence.ONE_DIGIT_OFF, 0)
                + births.getOrDefault(BirthEvidence.CONFLICT, 0);
        System.out.printf("%-22s %10s %10s %9s %9s%n", "attribute", "genuine*", "unrelated", "LLR", "in code");
        Map<String, Double> code = EvidenceModel.table();
        for (BirthEvidence b : BirthEvidence.values()) {
            if (b == BirthEvidence.UNKNOWN) {
                continue;
            }
            boolean fullDate = b == BirthEvidence.EXACT || b == BirthEvidence.ONE_DIGIT_OFF || b == BirthEvidence.CONFLICT;
            int base = fullDate ? full : dated - full;
            double pu = (births.getOrDefault(b, 0) + 0.5) / Math.max(1, base);
            row("birth " + b.name().toLowerCase(Locale.ROOT).replace('_', ' '), GENUINE_BIRTH.get(b), pu, code);
        }
        double nu = (nationalityMatch + 0.5) / Math.max(1, nationalityPairs);
        row("nationality listed", GENUINE_NATIONALITY, nu, code);
        row("nationality not listed", 1 - GENUINE_NATIONALITY, 1 - nu, code);
        double su = (sexMatch + 0.5) / Math.max(1, sexPairs);
        row("sex matches", GENUINE_SEX, su, code);
        row("sex differs", 1 - GENUINE_SEX, 1 - su, code);
        // Random 9-character numbers: a traveller's equals a given listed one about once in 23^2 * 10^7.
        row("document listed", GENUINE_DOCUMENT, 1.0 / (23 * 23 * 1e7), code);
        System.out.println("* genuine: the name columns are measured; the attribute rates are assumptions (EvidenceBench)");
        System.out.printf("SUMMARY genuine-pairs=%d unrelated-pairs=%d unrelated-over-0.80=%.4f%% genuine-over-0.80=%.1f%%"
                        + " birth-dated-pairs=%d nationality-pairs=%d sex-pairs=%d%n", genuine.length + wikidata.length,
                unrelated.length, 100.0 * over(unrelated, 0.80) / unrelated.length,
                100.0 * (over(genuine, 0.80) + over(wikidata, 0.80)) / (genuine.length + wikidata.length), dated,
                nationalityPairs, sexPairs);
        return 0;
    }

    private static void row(String name, double pg, double pu, Map<String, Double> code) {
        System.out.printf(Locale.ROOT, "%-22s %9.3f%% %9.5f%% %+9.2f %+9.2f%n", name, 100 * pg, 100 * pu,
                Math.log(pg / pu), code.get(name));
    }

    private static double best(NameMatcher matcher, NameKey query, List<NameKey> names) {
        double best = 0;
        for (NameKey k : names) {
            best = Math.max(best, matcher.similarity(query, k));
        }
        return best;
    }

    private static int[] histogram(double[] values) {
        int[] out = new int[EDGES.length - 1];
        for (double v : values) {
            for (int b = EDGES.length - 2; b >= 0; b--) {
                if (v >= EDGES[b]) {
                    out[b]++;
                    break;
                }
            }
        }
        return out;
    }

    private static int over(double[] values, double threshold) {
        int n = 0;
        for (double v : values) {
            n += v >= threshold ? 1 : 0;
        }
        return n;
    }
}
