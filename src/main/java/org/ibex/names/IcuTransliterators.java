package org.ibex.names;

import com.ibm.icu.text.Transliterator;
import java.util.HashMap;
import java.util.Map;

/** Per-thread ICU transliterators: ICU instances keep mutable state and must not be shared. */
final class IcuTransliterators {
    private static final ThreadLocal<Map<String, Transliterator>> CACHE = ThreadLocal.withInitial(HashMap::new);

    private IcuTransliterators() {
    }

    static String apply(String id, String text) {
        return CACHE.get().computeIfAbsent(id, Transliterator::getInstance).transliterate(text);
    }
}
