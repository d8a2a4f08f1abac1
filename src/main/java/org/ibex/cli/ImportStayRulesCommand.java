package org.ibex.cli;

import org.ibex.node.Node;

import org.ibex.border.StayPolicy;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Imports stay rules: all or nothing, because a half-applied rule table would decide stays inconsistently.
 * Columns: nationality, permitType (blank = any), kind (EXEMPT, FIXED_PER_ENTRY, ROLLING, VISA), days, windowDays.
 */
@Command(name = "stay-rules", mixinStandardHelpOptions = true, description = "Import stay rules from CSV or JSON.")
final class ImportStayRulesCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws IOException {
        Map<StayRuleKey, StayRule> rules = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (RowSource source = RowSource.open(file)) {
            RowSource.Row row;
            while ((row = source.next()) != null) {
                try {
                    Map<String, String> v = row.values();
                    StayRuleKey key = new StayRuleKey(blankToNull(v.get("nationality")), blankToNull(v.get("permitType")));
                    if (rules.put(key, rule(v)) != null) {
                        problems.add("row " + row.number() + ": duplicate rule for " + key);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("row " + row.number() + ": " + e.getMessage());
                }
            }
        } catch (RowSource.ImportFileException | RowSource.RowException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            System.err.println("ibex import: " + file + ": nothing imported; fix these and rerun:");
            problems.forEach(p -> System.err.println("  " + p));
            return 2;
        }
        try (Node node = data.open()) {
            node.stayRules.putAll(rules);
        }
        System.out.println(rules.size() + " stay rules imported");
        return 0;
    }

    private static StayRule rule(Map<String, String> v) {
        String kind = blankToNull(v.get("kind"));
        if (kind == null) {
            throw new IllegalArgumentException("kind is required: EXEMPT, FIXED_PER_ENTRY, ROLLING or VISA");
        }
        StayRule.Kind parsed;
        try {
            parsed = StayRule.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be EXEMPT, FIXED_PER_ENTRY, ROLLING or VISA (got '"
                    + kind + "')");
        }
        boolean counted = parsed == StayRule.Kind.FIXED_PER_ENTRY || parsed == StayRule.Kind.ROLLING;
        return StayPolicy.configured(parsed, counted ? number(v, "days") : 0,
                parsed == StayRule.Kind.ROLLING ? number(v, "windowDays") : 0);
    }

    private static int number(Map<String, String> v, String column) {
        String text = blankToNull(v.get(column));
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a whole number (got '" + text + "')");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
