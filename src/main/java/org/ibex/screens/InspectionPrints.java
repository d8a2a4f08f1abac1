package org.ibex.screens;

import io.javalin.http.UploadedFile;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.NistFingers;
import org.ibex.biometrics.NistFormatException;
import org.ibex.biometrics.NistReader;
import org.ibex.input.FieldRuleException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fingers an officer uploads with an MRZ (one image, or an ANSI/NIST-ITL file), read within bounds, and kept for the
 * confirmation of the same form only: by user and form uid, for a quarter of an hour, a bounded number at a time.
 * A browser cannot send a file twice without asking the officer, and 1:1 must run again when the crossing is stored.
 */
final class InspectionPrints {
    /** The field of the upload, and of the finger an image shows. */
    static final String FIELD = "prints";
    static final String POSITION = "printsPosition";
    /** An image as BiometricService takes it; a whole ANSI/NIST transaction as the API takes it. */
    private static final long MAX_IMAGE = 5L << 20;
    private static final long MAX_NIST = 24L << 20;
    private static final Duration TERM = Duration.ofMinutes(15);
    private static final int MAX_PENDING = 256;
    private final Clock clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > MAX_PENDING;
        }
    };

    private record Pending(List<FingerCapture> captures, Instant until) {
    }

    InspectionPrints(Clock clock) {
        this.clock = clock;
    }

    /** The fingers of this request's upload, none when no file came; a file that is no fingerprint names the field. */
    List<FingerCapture> read(ScreenRequest r) {
        if (!r.ctx().isMultipartFormData()) {
            return List.of();
        }
        UploadedFile file = r.ctx().uploadedFile(FIELD);
        if (file == null || file.size() == 0) {
            return List.of();
        }
        if (file.size() > MAX_NIST) {
            throw new FieldRuleException(FIELD, "size", "at most " + (MAX_NIST >> 20) + " MB");
        }
        byte[] bytes = bytes(file);
        if (nist(bytes)) {
            try {
                List<FingerCapture> captures = NistFingers.of(new NistReader().read(bytes)).captures();
                if (captures.isEmpty() || captures.size() > 10) {
                    throw new FieldRuleException(FIELD, "fingers", "the file holds " + captures.size() + " single fingers");
                }
                return captures;
            } catch (NistFormatException e) {
                throw new FieldRuleException(FIELD, "nist", e.getMessage());
            }
        }
        if (bytes.length > MAX_IMAGE) {
            throw new FieldRuleException(FIELD, "size", "an image of at most " + (MAX_IMAGE >> 20) + " MB");
        }
        return List.of(new FingerCapture(position(r.form(POSITION)), bytes, 0));
    }

    /** ANSI/NIST-ITL traditional encoding opens with the Type-1 record's first field, "1.001:" (or "1.01:"). */
    private static boolean nist(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 6), StandardCharsets.US_ASCII);
        return start.startsWith("1.001:") || start.startsWith("1.01:");
    }

    private static FingerPosition position(String code) {
        for (FingerPosition p : FingerPosition.values()) {
            if (String.valueOf(p.code()).equals(code) && p.code() >= 1 && p.code() <= 10) {
                return p;
            }
        }
        throw new FieldRuleException(POSITION, "finger", "choose the finger the image shows, 1 to 10");
    }

    private static byte[] bytes(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void keep(String user, String uid, List<FingerCapture> captures) {
        pending.put(user + '\u0000' + uid, new Pending(List.copyOf(captures), clock.instant().plus(TERM)));
    }

    /** The fingers kept for this form, or null when none are (never uploaded, expired, or the node restarted). */
    synchronized List<FingerCapture> kept(String user, String uid) {
        Pending p = pending.get(user + '\u0000' + uid);
        if (p == null || p.until().isBefore(clock.instant())) {
            pending.remove(user + '\u0000' + uid);
            return null;
        }
        return p.captures();
    }

    synchronized void forget(String user, String uid) {
        pending.remove(user + '\u0000' + uid);
    }
}
