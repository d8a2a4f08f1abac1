package org.ibex.biometrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the {@link NistImage} of an image record from its fields, checking sizes before anyone decodes. */
final class ImageSummaries {
    /** Type 4 is 500 ppi by definition (19.69 ppmm); the Type 1 resolutions refine it when they are given. */
    private static final int TYPE_4_PPI = 500;
    private static final double MM_PER_INCH = 25.4;

    private final int index;
    private final int type;
    private final Map<Integer, NistField> fields;

    private ImageSummaries(int index, int type, List<NistField> fields) {
        this.index = index;
        this.type = type;
        this.fields = fields.stream().collect(Collectors.toMap(NistField::number, Function.identity(), (a, b) -> a));
    }

    /** The image of a Type 4 record; {@code nsr} and {@code ntr} are Type 1's 1.011 and 1.012 in ppmm. */
    static Optional<NistImage> binary(int index, int type, List<NistField> fields, double nsr, double ntr) {
        if (type != 4) {
            return Optional.empty();
        }
        ImageSummaries s = new ImageSummaries(index, type, fields);
        int width = s.dimension(6);
        int height = s.dimension(7);
        s.checkPixels(width, height);
        double ppmm = s.number(5, 1) == 0 ? nsr : ntr;
        int ppi = ppmm > 0 ? (int) Math.round(ppmm * MM_PER_INCH) : TYPE_4_PPI;
        List<Integer> positions = new ArrayList<>();
        for (List<String> subfield : s.fields.get(4).subfields()) {
            int code = Integer.parseInt(subfield.get(0));
            if (code != 255) {
                positions.add(code);
            }
        }
        return Optional.of(new NistImage(ImageFormat.ofBinaryCode(s.number(8, 255)), width, height, ppi, 8, positions,
                s.number(3, 255), List.of(), s.fields.get(999).dataUnsafe()));
    }

    /** The image of a tagged image record (types 10, 13-17), when it has a DATA field. */
    static Optional<NistImage> tagged(int index, int type, List<NistField> fields) {
        ImageSummaries s = new ImageSummaries(index, type, fields);
        boolean imageType = type == 10 || type >= 13 && type <= 17;
        if (!imageType || !s.fields.containsKey(999)) {
            return Optional.empty();
        }
        int width = s.dimension(6);
        int height = s.dimension(7);
        s.checkPixels(width, height);
        ImageFormat format = s.fields.containsKey(11) ? ImageFormat.ofText(s.fields.get(11).text()) : ImageFormat.OTHER;
        boolean friction = type >= 13 && type <= 15;
        List<Integer> positions = friction ? s.positions(13) : List.of();
        int impression = friction && s.fields.containsKey(3) ? s.number(3, 255) : -1;
        return Optional.of(new NistImage(format, width, height, s.ppi(), s.bitsPerPixel(), positions, impression,
                s.quality(), s.fields.get(999).dataUnsafe()));
    }

    /** SLC 1 gives pixels per inch, 2 pixels per centimetre; 0 only an aspect ratio, reported as 0 ppi. */
    private int ppi() {
        int scale = fields.containsKey(8) ? number(8, 2) : 0;
        int horizontal = fields.containsKey(9) ? number(9, 999_999) : 0;
        return switch (scale) {
            case 1 -> horizontal;
            case 2 -> (int) Math.round(horizontal * 2.54);
            default -> 0;
        };
    }

    private int bitsPerPixel() {
        if (type == 10) {
            String colour = fields.containsKey(12) ? fields.get(12).text().trim().toUpperCase(Locale.ROOT) : "GRAY";
            return colour.equals("GRAY") ? 8 : 24;
        }
        return fields.containsKey(12) ? number(12, 64) : 8;
    }

    private List<Integer> positions(int field) {
        if (!fields.containsKey(field)) {
            return List.of();
        }
        List<Integer> positions = new ArrayList<>();
        for (List<String> subfield : fields.get(field).subfields()) {
            positions.add(parse(field, subfield.get(0), 255));
        }
        return positions;
    }

    private List<QualityScore> quality() {
        List<QualityScore> scores = new ArrayList<>();
        if (type == 14 && fields.containsKey(22)) {
            for (List<String> s : fields.get(22).subfields()) {
                scores.add(new QualityScore(parse(22, s.get(0), 255), "NQM", parse(22, item(s, 1, 22), 255), ""));
            }
        }
        if (type >= 13 && type <= 15 && fields.containsKey(24)) {
            for (List<String> s : fields.get(24).subfields()) {
                String algorithm = s.size() > 2 ? String.join("/", s.subList(2, s.size())) : "";
                scores.add(new QualityScore(parse(24, s.get(0), 255), FieldNames.name(type, 24),
                        parse(24, item(s, 1, 24), 255), algorithm));
            }
        }
        return scores;
    }

    private String item(List<String> subfield, int item, int field) {
        if (subfield.size() <= item) {
            throw NistFormatException.at(index, type, field, "items", "subfield '" + String.join("~", subfield)
                    + "' lacks item " + (item + 1));
        }
        return subfield.get(item);
    }

    private int dimension(int field) {
        if (!fields.containsKey(field)) {
            throw NistFormatException.at(index, type, field, "missing", "required when the record carries an image");
        }
        int pixels = number(field, Integer.MAX_VALUE);
        if (pixels > Limits.MAX_SIDE) {
            throw NistFormatException.at(index, type, field, "limit", "declares " + pixels
                    + " pixels, more than the " + Limits.MAX_SIDE + " we accept");
        }
        return pixels;
    }

    private void checkPixels(int width, int height) {
        if ((long) width * height > Limits.MAX_PIXELS) {
            throw NistFormatException.at(index, type, 7, "limit", width + "x" + height + " pixels is more than the "
                    + Limits.MAX_PIXELS + " we accept");
        }
    }

    private int number(int field, int max) {
        return parse(field, fields.get(field).text(), max);
    }

    private int parse(int field, String text, int max) {
        String trimmed = text.trim();
        if (!TaggedRecordParser.digits(trimmed) || trimmed.length() > 9 || Integer.parseInt(trimmed) > max) {
            throw NistFormatException.at(index, type, field, "number", "'" + text + "' is not a number from 0 to " + max);
        }
        return Integer.parseInt(trimmed);
    }
}
