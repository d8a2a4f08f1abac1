package org.ibex.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic names for the demo: Wikidata name pairs (Latin and original script) from the shared data
 * folder when it is there, else a small built-in set, so the demo runs anywhere.
 */
public final class DemoNames {
    /** A name in Latin letters and in its original script, with a nationality that writes it. */
    public record Name(String latin, String original, String nationality) {
    }

    private static final String[][] FILES = {
            {"wd_russian_80.tsv", "RUS"}, {"wd_arabic_80.tsv", "EGY"}, {"wd_chinese_80.tsv", "CHN"},
            {"wd_japanese_80.tsv", "JPN"}, {"wd_hebrew_80.tsv", "ISR"}};
    private static final Name[] BUILT_IN = {
            new Name("ivanova", "Иванова", "RUS"), new Name("petrov", "Петров", "RUS"),
            new Name("smirnov", "Смирнов", "UKR"), new Name("haddad", "حداد", "JOR"),
            new Name("mansour", "منصور", "EGY"), new Name("nasser", "ناصر", "SYR"),
            new Name("wang", "王", "CHN"), new Name("zhang", "张", "CHN"), new Name("liu", "刘", "CHN"),
            new Name("tanaka", "田中", "JPN"), new Name("suzuki", "鈴木", "JPN"), new Name("cohen", "כהן", "ISR"),
            new Name("levi", "לוי", "ISR"), new Name("somchai", "สมชาย", "THA"), new Name("aung", "အောင်", "MMR"),
            new Name("müller", "Müller", "D"), new Name("dubois", "Dubois", "FRA"), new Name("rossi", "Rossi", "ITA"),
            new Name("garcía", "García", "ESP"), new Name("eriksson", "Eriksson", "SWE"), new Name("smith", "Smith", "GBR"),
            new Name("nguyen", "Nguyễn", "VNM"), new Name("okafor", "Okafor", "NGA"), new Name("silva", "Silva", "BRA")};

    private final List<Name> names;

    private DemoNames(List<Name> names) {
        this.names = names;
    }

    public static DemoNames load(Path sharedNames, Random random, int perFile) {
        List<Name> names = new ArrayList<>(List.of(BUILT_IN));
        if (sharedNames != null && Files.isDirectory(sharedNames)) {
            for (String[] file : FILES) {
                names.addAll(sample(sharedNames.resolve(file[0]), file[1], random, perFile));
            }
        }
        return new DemoNames(names);
    }

    public Name pick(Random random) {
        return names.get(random.nextInt(names.size()));
    }

    public Name pickOfNationality(Random random, String nationality) {
        for (int i = 0; i < 50; i++) {
            Name name = pick(random);
            if (name.nationality().equals(nationality)) {
                return name;
            }
        }
        return pick(random);
    }

    public int size() {
        return names.size();
    }

    private static List<Name> sample(Path file, String nationality, Random random, int count) {
        List<Name> out = new ArrayList<>();
        if (!Files.isReadable(file)) {
            return out;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int seen = 0;
            while ((line = reader.readLine()) != null) {
                String[] parts = line.split("\t");
                if (parts.length < 2 || !parts[0].matches("[a-z]{3,20}")) {
                    continue;
                }
                Name name = new Name(parts[0], parts[1].replace(" ", ""), nationality);
                // Reservoir sampling: an even sample of a large file in one pass.
                seen++;
                if (out.size() < count) {
                    out.add(name);
                } else if (random.nextInt(seen) < count) {
                    out.set(random.nextInt(count), name);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
