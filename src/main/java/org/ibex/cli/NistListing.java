package org.ibex.cli;

import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.ImpressionType;
import org.ibex.biometrics.NistField;
import org.ibex.biometrics.NistImage;
import org.ibex.biometrics.NistRecord;
import org.ibex.biometrics.NistTransaction;
import org.ibex.biometrics.QualityScore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How {@code ibex nist dump} shows a transaction: a JSON tree or a listing for people. Image bytes are counted, never printed. */
final class NistListing {
    /** Long text values are cut in the listing; the JSON keeps them whole. */
    private static final int TEXT_WIDTH = 120;

    private NistListing() {
    }

    static Map<String, Object> json(Path file, NistTransaction transaction) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", file.toString());
        root.put("version", transaction.version());
        List<Object> records = new ArrayList<>();
        for (NistRecord record : transaction.records()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("index", record.index());
            r.put("type", record.type());
            r.put("idc", record.idc());
            r.put("fields", record.fields().stream().map(NistListing::field).toList());
            r.put("image", record.image().map(NistListing::image).orElse(null));
            records.add(r);
        }
        root.put("records", records);
        return root;
    }

    private static Map<String, Object> field(NistField field) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tag", field.tag());
        f.put("name", field.name());
        if (field.binary()) {
            f.put("bytes", field.dataLength());
        } else {
            f.put("value", field.text());
            if (field.subfields().size() > 1 || field.subfields().get(0).size() > 1) {
                f.put("subfields", field.subfields());
            }
        }
        return f;
    }

    private static Map<String, Object> image(NistImage image) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("format", image.format().name());
        i.put("width", image.width());
        i.put("height", image.height());
        i.put("ppi", image.ppi());
        i.put("positions", image.positions());
        i.put("fingers", image.fingers().stream().map(FingerPosition::name).toList());
        i.put("impression", image.impression() < 0 ? null : image.impression());
        i.put("impressionType", image.impressionType().map(ImpressionType::name).orElse(null));
        i.put("quality", image.quality().stream().map(q -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("position", q.position());
            m.put("metric", q.metric());
            m.put("score", q.score());
            m.put("algorithm", q.algorithm());
            return m;
        }).toList());
        i.put("bytes", image.dataLength());
        return i;
    }

    static String text(Path file, NistTransaction transaction) {
        StringBuilder out = new StringBuilder(file + ": ANSI/NIST-ITL version " + transaction.version() + ", "
                + transaction.records().size() + " records");
        for (NistRecord record : transaction.records()) {
            out.append("\n\nrecord ").append(record.index()).append("  type ").append(record.type())
                    .append("  idc ").append(record.idc());
            record.image().ifPresent(image -> out.append("\n  image ").append(summary(image)));
            for (NistField field : record.fields()) {
                String label = field.tag() + (field.name().isEmpty() ? "" : " " + field.name());
                out.append("\n  ").append(String.format("%-12s", label)).append(' ').append(value(field));
            }
        }
        return out.toString();
    }

    private static String summary(NistImage image) {
        StringBuilder s = new StringBuilder().append(image.format()).append(' ').append(image.width()).append('x')
                .append(image.height()).append(", ").append(image.ppi() == 0 ? "resolution not given" : image.ppi() + " ppi");
        if (!image.positions().isEmpty()) {
            s.append(", positions ").append(image.positions().stream().map(p -> p + FingerPosition.of(p)
                    .map(f -> " " + f).orElse("")).collect(Collectors.joining(", ")));
        }
        image.impressionType().ifPresent(t -> s.append(", impression ").append(t));
        for (QualityScore q : image.quality()) {
            s.append(", ").append(q.metric()).append(" fgp ").append(q.position()).append('=').append(q.score());
        }
        return s.toString();
    }

    private static String value(NistField field) {
        if (field.binary()) {
            return "<" + field.dataLength() + " bytes>";
        }
        String text = field.text().replace('\u001E', '^').replace('\u001F', '~');
        return text.length() > TEXT_WIDTH ? text.substring(0, TEXT_WIDTH) + "... (" + text.length() + " characters)" : text;
    }
}
