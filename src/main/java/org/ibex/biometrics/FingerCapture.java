package org.ibex.biometrics;

import java.awt.image.BufferedImage;
import java.util.Base64;

/** One finger as a capture station or a partner sends it: position, encoded image (WSQ, PNG, JPEG, TIFF) and resolution. */
public record FingerCapture(FingerPosition position, byte[] image, double dpi) {
    /** Resolution assumed when neither the request nor the image says: the standard for fingerprint scanners. */
    public static final double DEFAULT_DPI = 500;
    /** The most encoded bytes a finger image may have, so a caller can refuse a bigger upload before reading it. */
    public static final long MAX_IMAGE_BYTES = Limits.FINGER_MAX_ENCODED_BYTES;
    /** Base64 of the largest finger image we accept, with room for line breaks. */
    private static final long MAX_BASE64_CHARS = (Limits.FINGER_MAX_ENCODED_BYTES + 2) / 3 * 4 + 4096;

    public FingerCapture {
        if (position == null || position.code() < 1 || position.code() > 10) {
            throw new IllegalArgumentException("finger position must be one finger, 1 (right thumb) to 10 (left little)");
        }
        if (image == null || image.length == 0) {
            throw new IllegalArgumentException(position.label() + ": image is required");
        }
        dpi = dpi > 0 ? dpi : DEFAULT_DPI;
    }

    /** A capture from a request: the image in base64, its length checked before it is decoded. */
    public static FingerCapture fromBase64(int position, String base64, Double dpi) {
        if (position < 1 || position > 10) {
            throw ImageRefusedException.ofPart("position", "finger position must be one finger, 1 (right thumb) to"
                    + " 10 (left little), was " + position + "; a slap or palm is not a finger");
        }
        if (base64 == null || base64.isBlank()) {
            throw new ImageRefusedException(ImageRefusedException.Refusal.UNREADABLE, "finger " + position
                    + ": the image is required, in base64 (WSQ, PNG, JPEG, JPEG 2000 or TIFF)");
        }
        if (base64 != null && base64.length() > MAX_BASE64_CHARS) {
            throw new ImageRefusedException(ImageRefusedException.Refusal.TOO_MANY_BYTES, "finger " + position
                    + ": the image has about " + base64.length() / 4 * 3 + " bytes; a finger image may have at most "
                    + Limits.FINGER_MAX_ENCODED_BYTES);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new ImageRefusedException(ImageRefusedException.Refusal.UNREADABLE,
                    "finger " + position + ": the image is not valid base64 (letters, digits, + and /, padded with =)");
        }
        return new FingerCapture(FingerPosition.ofCode(position), bytes, dpi == null ? 0 : dpi);
    }

    /**
     * The decoded image: WSQ by its signature, anything else through ImageIO. The declared size is checked
     * against the bounds of a finger image first, so a forged header never reaches a decoder.
     */
    public FingerImage decode() {
        NistImageDecoder.ImageErrors errors = (rule, detail) -> ImageRefusedException.of(rule,
                position.label() + ": " + detail);
        try {
            if (NistImageDecoder.isWsq(image)) {
                BufferedImage wsq = NistImageDecoder.wsq(image, ImageBounds.FINGER, errors);
                byte[] pixels = new byte[wsq.getWidth() * wsq.getHeight()];
                wsq.getRaster().getDataElements(0, 0, wsq.getWidth(), wsq.getHeight(), pixels);
                return FingerImage.grayscale(wsq.getWidth(), wsq.getHeight(), pixels, dpi);
            }
            return FingerImage.decode(image, dpi, errors);
        } catch (ImageRefusedException | UnusableFingerException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // The one rule FingerImage holds after the decoders' own: the resolution.
            throw ImageRefusedException.ofPart("dpi", position.label() + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "FingerCapture[" + position + ", " + image.length + " bytes, " + dpi + " dpi]";
    }
}
