package org.ibex.biometrics;

import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;

/**
 * A grayscale fingerprint image (0 black, dark ridges on light ground) with its resolution in dots per inch.
 * The resolution decides how SourceAFIS scales ridge distances, so it is never guessed silently: it comes from
 * the image header when the header has one, else from the caller, and {@link #dpiFromHeader()} says which.
 */
public final class FingerImage {
    private static final double MIN_DPI = 250;
    private static final double MAX_DPI = 1500;
    private static final String DAMAGED = "the image data is damaged or cut short and cannot be decoded;"
            + " capture or export it again as WSQ, PNG, JPEG, JPEG 2000 or TIFF";

    private final int width;
    private final int height;
    private final byte[] pixels;
    private final double dpi;
    private final boolean dpiFromHeader;

    private FingerImage(int width, int height, byte[] pixels, double dpi, boolean dpiFromHeader) {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " needs " + (long) width * height
                    + " pixels, got " + pixels.length);
        }
        if (!(dpi >= MIN_DPI && dpi <= MAX_DPI)) {
            throw new IllegalArgumentException("fingerprint resolution must be " + (int) MIN_DPI + " to " + (int) MAX_DPI
                    + " dpi, was " + dpi + "; most scanners give 500");
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.dpi = dpi;
        this.dpiFromHeader = dpiFromHeader;
    }

    /** Raw 8-bit grayscale pixels, row by row, at the given resolution. */
    public static FingerImage grayscale(int width, int height, byte[] pixels, double dpi) {
        return new FingerImage(width, height, pixels.clone(), dpi, false);
    }

    /**
     * Decodes an image file (TIFF, PNG, BMP, JPEG, JPEG 2000: whatever ImageIO reads) within the bounds of a finger
     * image, checked on the header before any pixel is decoded. The header's resolution wins when it has one;
     * {@code assumedDpi} is used only when it has none.
     */
    public static FingerImage decode(byte[] encoded, double assumedDpi) {
        return decode(encoded, assumedDpi, ImageRefusedException::of);
    }

    static FingerImage decode(byte[] encoded, double assumedDpi, NistImageDecoder.ImageErrors errors) {
        ImageBounds bounds = ImageBounds.FINGER;
        bounds.checkEncoded(encoded.length, errors);
        if (TiffHeader.isTiff(encoded)) {
            TiffHeader.check(encoded, errors);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw errors.error("format", "not an image format ImageIO can read (" + encoded.length
                        + " bytes); give WSQ, TIFF, PNG, JPEG or JPEG 2000");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                // Width and height come from the header (IHDR, SOF, TIFF tags, JP2 box): nothing is decoded yet.
                bounds.checkDeclared(reader.getWidth(0), reader.getHeight(0), errors);
                BufferedImage image = reader.read(0);
                double headerDpi = headerDpi(reader.getImageMetadata(0));
                boolean fromHeader = headerDpi >= MIN_DPI && headerDpi <= MAX_DPI;
                return new FingerImage(image.getWidth(), image.getHeight(), gray(image),
                        fromHeader ? headerDpi : assumedDpi, fromHeader);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw errors.error("decode", DAMAGED);
        } catch (ImageRefusedException | NistFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // ImageIO's readers report damaged data with whatever exception the damage causes; its name and
            // message speak of the decoder's insides, so the client is told the rule in words instead.
            throw errors.error("decode", DAMAGED);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double dpi() {
        return dpi;
    }

    /** True when the resolution was read from the image header, false when the caller assumed it. */
    public boolean dpiFromHeader() {
        return dpiFromHeader;
    }

    /** The gray level at column x, row y, 0 (black) to 255 (white). */
    int gray(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }

    byte[] pixels() {
        return pixels;
    }

    /** A copy as a grayscale picture, to show the finger to the officer who captured it. */
    public BufferedImage picture() {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        picture.getRaster().setDataElements(0, 0, width, height, pixels);
        return picture;
    }

    @Override
    public String toString() {
        // Pixels stay out: they are biometric data.
        return "FingerImage[" + width + "x" + height + ", " + dpi + " dpi" + (dpiFromHeader ? " from header" : " assumed") + "]";
    }

    private static byte[] gray(BufferedImage image) {
        BufferedImage gray = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            gray.getGraphics().drawImage(image, 0, 0, null);
        }
        int[] samples = gray.getRaster().getSamples(0, 0, gray.getWidth(), gray.getHeight(), 0, (int[]) null);
        byte[] pixels = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            pixels[i] = (byte) samples[i];
        }
        return pixels;
    }

    /** Dots per inch from the standard metadata tree (pixel size in millimetres), or NaN when absent. */
    private static double headerDpi(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return Double.NaN;
        }
        Node root = metadata.getAsTree("javax_imageio_1.0");
        for (Node dimension = root.getFirstChild(); dimension != null; dimension = dimension.getNextSibling()) {
            if ("Dimension".equals(dimension.getNodeName())) {
                for (Node n = dimension.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if ("HorizontalPixelSize".equals(n.getNodeName())) {
                        Node value = n.getAttributes().getNamedItem("value");
                        double millimetres = Double.parseDouble(Objects.requireNonNull(value).getNodeValue());
                        return millimetres > 0 ? 25.4 / millimetres : Double.NaN;
                    }
                }
            }
        }
        return Double.NaN;
    }
}
