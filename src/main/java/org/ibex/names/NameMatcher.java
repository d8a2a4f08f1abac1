package org.ibex.names;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-script person-name matcher: romanises each part in several standards, compares parts
 * with edit costs learned per script, pairs parts regardless of order and explains every match.
 * Immutable and thread-safe.
 */
public final class NameMatcher {
    private final NameComparer comparer;

    /** Loads the trained edit-cost tables bundled as {@code org/ibex/names/edit-costs.tsv}. */
    public NameMatcher() {
        this(EditCosts.loadBundled());
    }

    NameMatcher(Map<String, EditCosts> tables) {
        EditCosts generic = tables.getOrDefault("generic", EditCosts.uniform("generic"));
        Map<Script, EditCosts> byScript = new EnumMap<>(Script.class);
        for (Script s : Script.values()) byScript.put(s, tables.getOrDefault(s.costTable, generic));
        this.comparer = new NameComparer(new TokenComparer(byScript, generic));
    }

    /** Tokenises and romanises a name once, for many comparisons; never throws, null is an empty name. */
    public NameKey key(String name) {
        String n = name == null ? "" : name;
        String shown = n.length() > NameParser.MAX_INPUT ? n.substring(0, NameParser.MAX_INPUT) : n;
        return new NameKey(shown, NameParser.parse(n).toArray(TokenKey[]::new));
    }

    /** Similarity in [0,1] with its explanation. */
    public NameScore score(NameKey a, NameKey b) {
        return comparer.score(a, b);
    }

    /** The score of {@link #score(NameKey, NameKey)} alone, cheaper: for ranking many candidates before explaining a few. */
    public double similarity(NameKey a, NameKey b) {
        return comparer.similarity(a, b);
    }

    /** Convenience for one-off comparisons; prefer {@link #key(String)} when a name is reused. */
    public NameScore score(String a, String b) {
        return score(key(a), key(b));
    }

    /** The score at or above which two names are reported as a match. */
    public double threshold() {
        return TokenComparer.THRESHOLD;
    }

    /**
     * Short keys for a candidate index: names that match share at least one key in nearly all
     * cases. Each key is the first sound classes of a romanisation variant of a part, or of all
     * parts joined.
     */
    /**
     * The blocking keys token by token (particles and initials have none), and for a name of several tokens
     * the keys of the joined form last: an index can then ask that a candidate shares keys with two tokens.
     */
    public List<Set<String>> blockingKeysByToken(NameKey key) {
        List<Set<String>> out = new java.util.ArrayList<>();
        TokenKey[] tokens = key.tokens();
        for (TokenKey t : tokens) {
            Set<String> keys = new LinkedHashSet<>();
            if (!t.isParticle() && !t.isInitial()) BlockingKeys.add(t, keys);
            out.add(keys);
        }
        if (tokens.length > 1) {
            Set<String> joined = new LinkedHashSet<>();
            BlockingKeys.add(NameParser.joined(List.of(tokens)), joined);
            out.add(joined);
        }
        return out;
    }

    public Set<String> blockingKeys(NameKey key) {
        Set<String> out = new LinkedHashSet<>();
        TokenKey[] tokens = key.tokens();
        for (TokenKey t : tokens) {
            if (!t.isParticle() && !t.isInitial()) BlockingKeys.add(t, out);
        }
        if (tokens.length > 1) BlockingKeys.add(NameParser.joined(List.of(tokens)), out);
        return out;
    }
}
