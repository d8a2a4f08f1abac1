package org.ibex.screens;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every word the screens show, in one language: the bundles of each area (one file per area and language, UTF-8),
 * with the language's pinned formats for dates and numbers. A missing key shows as itself, so a gap is visible
 * on screen, and {@code TextsTest} keeps the four languages complete.
 */
public final class Texts {
    /** The bundles, one per area of the screens; each exists in every language. */
    public static final List<String> AREAS = List.of("common", "inspection", "arrival", "supervisor", "hits",
            "person", "watchlist", "admin", "analyst", "docs", "sync", "wanted",
            "agreement", "inquiry", "confirm", "analytics");
    private final Lang lang;
    private final Map<String, String> messages;

    private Texts(Lang lang, Map<String, String> messages) {
        this.lang = lang;
        this.messages = messages;
    }

    /** Loads every area's bundle for every language. */
    public static Map<Lang, Texts> load() {
        Map<Lang, Texts> all = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            Map<String, String> messages = new HashMap<>();
            for (String area : AREAS) {
                bundle(area, lang).forEach((k, v) -> messages.put((String) k, (String) v));
            }
            all.put(lang, new Texts(lang, Map.copyOf(messages)));
        }
        return all;
    }

    /** One area's bundle in one language, as stored. */
    public static Properties bundle(String area, Lang lang) {
        String name = "/org/ibex/screens/messages/" + area + "_" + lang.code() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message bundle " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public Lang lang() {
        return lang;
    }

    public boolean has(String key) {
        return messages.containsKey(key);
    }

    /** The text of a key; with arguments, a MessageFormat pattern in the pinned locale. */
    public String t(String key, Object... args) {
        String pattern = messages.get(key);
        if (pattern == null) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, lang.locale()).format(args);
    }

    public String date(TemporalAccessor date) {
        return date == null ? "" : lang.dates().format(date);
    }

    /** A moment at a place's time, as an officer reads a clock. */
    public String dateTime(TemporalAccessor moment) {
        if (moment == null) {
            return "";
        }
        if (moment instanceof LocalDate day) {
            return date(day);
        }
        if (moment instanceof Instant instant) {
            // A moment with no place: shown in UTC, and saying so.
            return lang.dateTimes().format(instant.atZone(ZoneOffset.UTC)) + " UTC";
        }
        return lang.dateTimes().format(moment);
    }

    /** A moment at a place (a post's time zone), as the officers there read their clocks. */
    public String dateTime(Instant moment, ZoneId zone) {
        return moment == null ? "" : lang.dateTimes().format(moment.atZone(zone));
    }

    public String number(long value) {
        return lang.numbers().format(value);
    }
}
