package org.ibex.watchlist;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.names.NameKey;
import org.ibex.names.NameKeyCodec;
import org.ibex.store.Json;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One listed person and its keyed names in bytes: the entry's fields as the database holds them, then each name
 * with its {@link NameKey} and its blocking keys token by token, as numbers into the file's table of keys
 * (a few thousand distinct keys serve a million names).
 */
final class KeyedEntryCodec {
    private static final long NO_DATE = Long.MIN_VALUE;
    private final ObjectMapper json;
    /** Values many persons share (source, reason, sex, action, codes), held once: a million copies slow the start. */
    private final Map<String, String> shared = new java.util.HashMap<>();
    /**
     * Birth dates as read, by their stored form, for all blocks: a million persons hold a few tens of thousands
     * of distinct dates, and parsing each again was a third of reading the file.
     */
    private final Map<String, List<PartialDate>> dates;

    private KeyedEntryCodec(ObjectMapper json, Map<String, List<PartialDate>> dates) {
        this.json = json;
        this.dates = dates;
    }

    KeyedEntryCodec() {
        this(Json.mapper(), new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** A codec for one thread's blocks, sharing the mapper and the dates read. */
    KeyedEntryCodec forBlock() {
        return new KeyedEntryCodec(json, dates);
    }

    void write(DataOutput out, PersonEntry entry, List<PersonIndex.Keyed> keyed, Map<String, Integer> keyIds)
            throws IOException {
        NameKeyCodec.writeString(out, entry.entryId());
        out.writeShort(entry.names().size());
        for (String name : entry.names()) {
            NameKeyCodec.writeString(out, name);
        }
        NameKeyCodec.writeString(out, PersonValues.dates(entry.datesOfBirth()));
        NameKeyCodec.writeString(out, PersonValues.codes(entry.nationalities()));
        NameKeyCodec.writeString(out, entry.sex());
        NameKeyCodec.writeString(out, entry.placeOfBirth());
        NameKeyCodec.writeString(out, PersonValues.documents(json, entry.documents()));
        NameKeyCodec.writeString(out, entry.reason());
        NameKeyCodec.writeString(out, entry.source());
        out.writeLong(entry.validFrom() == null ? NO_DATE : entry.validFrom().toEpochDay());
        out.writeLong(entry.validUntil() == null ? NO_DATE : entry.validUntil().toEpochDay());
        NameKeyCodec.writeString(out, entry.action().name());
        out.writeShort(keyed.size());
        for (PersonIndex.Keyed name : keyed) {
            NameKeyCodec.writeString(out, name.name());
            NameKeyCodec.write(out, name.key());
            out.writeShort(name.keysByToken().size());
            for (Set<String> keys : name.keysByToken()) {
                writeCount(out, keys.size());
                for (String key : keys) {
                    writeCount(out, keyIds.get(key));
                }
            }
        }
    }

    /** A person as {@link #write} stored it; a value out of range throws (the caller treats the file as corrupt). */
    Entry read(ByteBuffer in, String listId, String[] keyTable) {
        String entryId = NameKeyCodec.readString(in);
        int nameCount = in.getShort();
        List<String> names = new ArrayList<>(nameCount);
        for (int i = 0; i < nameCount; i++) {
            names.add(NameKeyCodec.readString(in));
        }
        List<PartialDate> dates = dates(NameKeyCodec.readString(in));
        List<String> nationalities = PersonValues.codes(shared(NameKeyCodec.readString(in)));
        String sex = shared(NameKeyCodec.readString(in));
        String placeOfBirth = shared(NameKeyCodec.readString(in));
        List<ListedDocument> documents = PersonValues.documents(json, NameKeyCodec.readString(in));
        String reason = shared(NameKeyCodec.readString(in));
        String source = shared(NameKeyCodec.readString(in));
        LocalDate validFrom = date(in.getLong());
        LocalDate validUntil = date(in.getLong());
        EntryAction action = EntryAction.valueOf(NameKeyCodec.readString(in));
        PersonEntry entry = new PersonEntry(listId, entryId, names, dates, nationalities, sex, placeOfBirth, documents,
                reason, source, validFrom, validUntil, action);
        int count = in.getShort();
        List<PersonIndex.Keyed> keyed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = sameAs(NameKeyCodec.readString(in), names);
            NameKey key = NameKeyCodec.read(in);
            if (key.name().equals(name)) {
                key = new NameKey(name, key.tokens());
            }
            int tokens = in.getShort();
            List<Set<String>> keysByToken = new ArrayList<>(tokens);
            for (int t = 0; t < tokens; t++) {
                String[] keys = new String[readCount(in)];
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = keyTable[readCount(in)];
                }
                keysByToken.add(Set.of(keys));
            }
            keyed.add(new PersonIndex.Keyed(name, key, keysByToken));
        }
        return new Entry(entry, keyed);
    }

    /** A decoded person with its keyed names. */
    record Entry(PersonEntry person, List<PersonIndex.Keyed> keyed) {
    }

    private List<PartialDate> dates(String stored) {
        if (stored == null) {
            return List.of();
        }
        List<PartialDate> known = dates.get(stored);
        if (known == null) {
            known = PersonValues.dates(stored);
            if (dates.size() < 200_000) {
                dates.put(stored, known);
            }
        }
        return known;
    }

    private String shared(String value) {
        if (value == null || value.length() > 200) {
            return value;
        }
        if (shared.size() > 10_000) {
            shared.clear();
        }
        String known = shared.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    /** The entry's own copy of a keyed name (the same text is stored three times: held once). */
    private static String sameAs(String name, List<String> names) {
        for (String listed : names) {
            if (listed.equals(name)) {
                return listed;
            }
        }
        return name;
    }

    private static LocalDate date(long day) {
        return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
    }

    /** A non-negative number in 7-bit groups: most key numbers take one or two bytes. */
    static void writeCount(DataOutput out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    static int readCount(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("count too long");
    }
}
