package org.ibex.access;

import me.gosimple.nbvcxz.resources.DictionaryUtil;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 100,000 most common passwords of public breach corpora, as shipped by the nbvcxz library (MIT licence,
 * {@code dictionaries/passwords.txt}); compared without case, as NIST SP 800-63B asks for "commonly used,
 * expected, or compromised" values.
 */
public final class CommonPasswords {
    private final Set<String> lowerCased;

    private CommonPasswords(Set<String> lowerCased) {
        this.lowerCased = lowerCased;
    }

    /** Loads the list once; keep the instance, it holds only the entries long enough to matter. */
    public static CommonPasswords load(int minLength) {
        Set<String> entries = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords).keySet().stream()
                .map(String::strip).filter(p -> p.length() >= minLength)
                .map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (entries.isEmpty()) {
            throw new IllegalStateException("the common-password list of nbvcxz is missing or empty");
        }
        return new CommonPasswords(entries);
    }

    public boolean contains(String password) {
        return lowerCased.contains(password.toLowerCase(Locale.ROOT));
    }

    int size() {
        return lowerCased.size();
    }
}
