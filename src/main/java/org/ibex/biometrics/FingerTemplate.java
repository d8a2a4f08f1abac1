package org.ibex.biometrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * One finger's minutiae template (SourceAFIS), its position and, when made from an image, its capture quality.
 * Templates are immutable and safe to share between threads.
 */
public final class FingerTemplate {
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private final FingerPosition position;
    private final FingerprintTemplate template;
    private final FingerQuality quality;

    private FingerTemplate(FingerPosition position, FingerprintTemplate template, FingerQuality quality) {
        this.position = Objects.requireNonNull(position, "position");
        this.template = template;
        this.quality = quality;
    }

    /** Extracts a template at the image's resolution and measures its quality; never refuses (benchmarks, forensics). */
    public static FingerTemplate extract(FingerPosition position, FingerImage image) {
        FingerprintTemplate template = new FingerprintTemplate(new FingerprintImage(image.width(), image.height(),
                image.pixels(), new FingerprintImageOptions().dpi(image.dpi())));
        return new FingerTemplate(position, template, FingerQuality.measure(image, minutiae(template)));
    }

    /** Extracts as {@link #extract} but refuses an unusable finger, as a capture station must. */
    public static FingerTemplate capture(FingerPosition position, FingerImage image) {
        FingerTemplate template = extract(position, image);
        if (template.quality.level() == QualityLevel.UNUSABLE) {
            throw new UnusableFingerException(position, template.quality);
        }
        return template;
    }

    /** A template stored earlier with {@link #toByteArray()}; its capture quality is not kept. */
    public static FingerTemplate fromBytes(FingerPosition position, byte[] serialized) {
        return new FingerTemplate(position, new FingerprintTemplate(serialized), null);
    }

    /** A minutiae template in ISO/IEC 19794-2 or ANSI INCITS 378 format (the first finger view in it). */
    public static FingerTemplate fromIso(FingerPosition position, byte[] standard) {
        return new FingerTemplate(position, FingerprintCompatibility.importTemplate(standard), null);
    }

    public FingerPosition position() {
        return position;
    }

    /** Quality at capture; empty for templates read from storage or another system. */
    public Optional<FingerQuality> quality() {
        return Optional.ofNullable(quality);
    }

    public int minutiae() {
        return minutiae(template);
    }

    /** SourceAFIS's own serialisation, for storage; read back with {@link #fromBytes}. */
    public byte[] toByteArray() {
        return template.toByteArray();
    }

    FingerprintTemplate afis() {
        return template;
    }

    @Override
    public String toString() {
        // Minutiae stay out: they are biometric data.
        return "FingerTemplate[" + position + ", " + minutiae() + " minutiae"
                + (quality == null ? "" : ", quality " + quality.score() + " " + quality.level()) + "]";
    }

    /** Counts minutiae in SourceAFIS's documented CBOR template (one entry per minutia in positionsX). */
    private static int minutiae(FingerprintTemplate template) {
        try {
            JsonNode positions = CBOR.readTree(template.toByteArray()).get("positionsX");
            return positions == null ? 0 : positions.size();
        } catch (IOException e) {
            throw new UncheckedIOException("SourceAFIS template is not the CBOR it documents", e);
        }
    }
}
