package org.ibex.screens;

import io.javalin.http.UploadedFile;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.ImageRefusedException;
import org.ibex.biometrics.NistFingers;
import org.ibex.biometrics.NistFormatException;
import org.ibex.biometrics.NistReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The capture form of an undocumented arrival read into finger captures: one file per finger position, or one
 * ANSI/NIST file. Every upload's size is checked before a byte of it is read, so the domain's image bounds hold
 * before any decoder runs; what is wrong lands on the field it came from.
 */
final class ArrivalCapture {
    /** The multipart limit of one file (WebServer): an ANSI/NIST ten-print with slaps fits well within it. */
    static final long MAX_NIST_BYTES = 24L << 20;
    static final String NIST = "nist";
    static final String DPI = "dpi";
    static final String LABEL = "label";
    private static final int MAX_LABEL = 200;

    /** What the form gave: the captures, the form field each came from (for its errors), and the label. */
    record Captured(List<FingerCapture> captures, List<String> fields, String label) {
    }

    private ArrivalCapture() {
    }

    /** The field of one finger position: its id, its name and the error summary's link. */
    static String field(FingerPosition position) {
        return "finger-" + position.code();
    }

    /** The ten finger positions, right thumb to left little, as the form lists them. */
    static List<FingerPosition> positions() {
        List<FingerPosition> positions = new ArrayList<>();
        for (int code = 1; code <= 10; code++) {
            positions.add(FingerPosition.ofCode(code));
        }
        return positions;
    }

    /** The captures of the request, or the form with its errors on the fields to blame (and the captures empty). */
    static Captured read(ScreenRequest r, Form form) {
        String label = r.form(LABEL);
        form.set(LABEL, label).set(DPI, r.form(DPI));
        if (label.length() > MAX_LABEL) {
            form.error(LABEL, r.t("arrival.error.label"));
        }
        double dpi = dpi(r, form);
        List<FingerCapture> captures = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        boolean anyFinger = false;
        for (FingerPosition position : positions()) {
            UploadedFile file = chosen(r.ctx().uploadedFile(field(position)));
            if (file == null) {
                continue;
            }
            anyFinger = true;
            if (file.size() == 0) {
                form.error(field(position), r.t("arrival.error.unreadable"));
            } else if (file.size() > FingerCapture.MAX_IMAGE_BYTES) {
                form.error(field(position), r.t("arrival.error.tooLarge", FingerCapture.MAX_IMAGE_BYTES >> 20));
            } else {
                captures.add(new FingerCapture(position, bytes(file), dpi));
                fields.add(field(position));
            }
        }
        UploadedFile nist = chosen(r.ctx().uploadedFile(NIST));
        if (nist != null && anyFinger) {
            form.error(NIST, r.t("arrival.error.both"));
        } else if (nist != null) {
            readNist(r, form, nist, captures, fields);
        } else if (!anyFinger) {
            form.error(field(FingerPosition.RIGHT_THUMB), r.t("arrival.error.noFingers"));
        }
        return form.hasErrors() ? new Captured(List.of(), List.of(), label) : new Captured(captures, fields, label);
    }

    private static void readNist(ScreenRequest r, Form form, UploadedFile file, List<FingerCapture> captures,
                                 List<String> fields) {
        if (file.size() > MAX_NIST_BYTES) {
            form.error(NIST, r.t("arrival.error.nistTooLarge", MAX_NIST_BYTES >> 20));
            return;
        }
        try {
            NistFingers.Extracted extracted = NistFingers.of(new NistReader().read(bytes(file)));
            captures.addAll(extracted.captures());
            extracted.captures().forEach(c -> fields.add(NIST));
        } catch (NistFormatException | ImageRefusedException e) {
            // An uncompressed record beyond a finger's bounds is refused while the file is read, as a bad file is.
            form.error(NIST, r.t("arrival.error.nist"));
        }
    }

    /** The resolution assumed where an image does not give its own; empty means the scanners' standard. */
    private static double dpi(ScreenRequest r, Form form) {
        String text = r.form(DPI);
        if (text.isEmpty()) {
            return FingerCapture.DEFAULT_DPI;
        }
        try {
            double dpi = Double.parseDouble(text);
            if (dpi >= 250 && dpi <= 1500) {
                return dpi;
            }
        } catch (NumberFormatException e) {
            // Falls through to the field's error.
        }
        form.error(DPI, r.t("arrival.error.dpi"));
        return FingerCapture.DEFAULT_DPI;
    }

    /** A file input left empty still sends a part, with no name and no bytes. */
    private static UploadedFile chosen(UploadedFile file) {
        return file == null || file.size() == 0 && (file.filename() == null || file.filename().isEmpty()) ? null : file;
    }

    private static byte[] bytes(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading an upload spooled by the server", e);
        }
    }
}
