package org.ibex.biometrics;

import java.util.List;
import java.util.Optional;

/** An ANSI/NIST-ITL transaction: its records in file order, the Type 1 record first. */
public record NistTransaction(List<NistRecord> records) {
    public NistTransaction {
        records = List.copyOf(records);
        if (records.isEmpty() || records.get(0).type() != 1) {
            throw new IllegalArgumentException("a transaction starts with its Type 1 record");
        }
    }

    /** 1.002 VER, such as "0400" or "0500". */
    public String version() {
        return records.get(0).text(2).orElse("");
    }

    /** The records that carry an image. */
    public List<NistRecord> imageRecords() {
        return records.stream().filter(r -> r.image().isPresent()).toList();
    }

    public Optional<NistRecord> record(int index) {
        return index >= 1 && index <= records.size() ? Optional.of(records.get(index - 1)) : Optional.empty();
    }
}
