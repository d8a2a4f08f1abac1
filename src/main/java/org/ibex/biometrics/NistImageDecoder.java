package org.ibex.biometrics;

import org.jnbis.api.Jnbis;
import org.jnbis.api.model.Bitmap;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Decodes record images to pixels: WSQ (JNBIS), JPEG and PNG (ImageIO), uncompressed 8-bit grayscale and 24-bit
 * RGB. JPEG 2000 and lossless JPEG have no decoder here: they fail with rule {@code unsupported}, and their
 * declared size stays available in {@link NistImage}. Sizes are checked before a decoder allocates, and
 * every decoder failure becomes a {@link NistFormatException} naming the record's DATA field.
 */
public final class NistImageDecoder {
    /** Makes an error about the image being decoded, naming where it came from. */
    @FunctionalInterface
    interface ImageErrors {
        RuntimeException error(String rule, String detail);
    }

    private NistImageDecoder() {
    }

    /** The pixels of a record's image. */
    public static BufferedImage decode(NistRecord record) {
        ImageErrors errors = (rule, detail) -> NistFormatException.at(record.index(), record.type(), 999, rule, detail);
        NistImage image = record.image().orElseThrow(() -> errors.error("missing", "the record carries no image"));
        byte[] data = image.dataUnsafe();
        ImageBounds bounds = ImageBounds.RECORD;
        // The record's own fields first: a record that declares a huge image is refused before its data is read.
        bounds.checkDeclared(image.width(), image.height(), errors);
        return switch (image.format()) {
            case NONE -> raw(image, errors);
            case WSQ -> wsq(data, bounds, errors);
            case JPEG, PNG -> imageIo(data, image.format().name(), bounds, errors);
            case JP2, JP2_LOSSLESS -> imageIo(data, "JPEG 2000", bounds, errors);
            case OTHER -> sniffed(data, bounds, errors);
            default -> throw errors.error("unsupported", image.format() + " images are not decoded here; the record "
                    + "declares " + image.width() + "x" + image.height() + " pixels");
        };
    }

    /** The pixels of a stand-alone WSQ file, within the bounds of a record image. */
    public static BufferedImage decodeWsq(byte[] wsq) {
        return wsq(wsq, ImageBounds.RECORD, (rule, detail) -> new NistFormatException(0, 0, "WSQ", rule, detail));
    }

    /** True when the data starts with WSQ's SOI marker. */
    static boolean isWsq(byte[] data) {
        return data.length > 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xA0;
    }

    /** An unknown compression code: the data's own signature may still say what it is. */
    private static BufferedImage sniffed(byte[] data, ImageBounds bounds, ImageErrors errors) {
        if (isWsq(data)) {
            return wsq(data, bounds, errors);
        }
        return imageIo(data, "unknown compression", bounds, errors);
    }

    /** WSQ pixels, after the frame header's size is checked against {@code bounds}. */
    static BufferedImage wsq(byte[] data, ImageBounds bounds, ImageErrors errors) {
        bounds.checkEncoded(data.length, errors);
        WsqHeader header = WsqHeader.read(data, errors);
        bounds.checkDeclared(header.width(), header.height(), errors);
        Bitmap bitmap;
        try {
            bitmap = Jnbis.wsq().decode(data).asBitmap();
        } catch (RuntimeException | StackOverflowError e) {
            // JNBIS reports damaged data with whatever exception the damage causes (index, null, arithmetic).
            // The decoder's own message names its C functions and Java exceptions: the client gets the rule in words.
            throw errors.error("decode", "the WSQ data is damaged or cut short and cannot be decoded");
        }
        return gray(bitmap.getPixels(), bitmap.getWidth(), bitmap.getHeight(), errors);
    }

    private static BufferedImage raw(NistImage image, ImageErrors errors) {
        int bytesPerPixel = image.bitsPerPixel() == 24 ? 3 : image.bitsPerPixel() == 8 ? 1 : 0;
        if (bytesPerPixel == 0) {
            throw errors.error("unsupported", "uncompressed images of " + image.bitsPerPixel()
                    + " bits per pixel are not decoded here");
        }
        long expected = (long) image.width() * image.height() * bytesPerPixel;
        byte[] data = image.dataUnsafe();
        if (data.length != expected) {
            throw errors.error("length", "uncompressed " + image.width() + "x" + image.height() + " at "
                    + image.bitsPerPixel() + " bits per pixel needs " + expected + " bytes, the record has " + data.length);
        }
        if (bytesPerPixel == 1) {
            return gray(data, image.width(), image.height(), errors);
        }
        BufferedImage rgb = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < image.width() * image.height(); i++) {
            int p = (data[3 * i] & 0xFF) << 16 | (data[3 * i + 1] & 0xFF) << 8 | data[3 * i + 2] & 0xFF;
            rgb.setRGB(i % image.width(), i / image.width(), p);
        }
        return rgb;
    }

    private static BufferedImage gray(byte[] pixels, int width, int height, ImageErrors errors) {
        if (width <= 0 || height <= 0 || pixels.length < (long) width * height) {
            throw errors.error("decode", "decoder returned " + pixels.length + " bytes for " + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, target, 0, width * height);
        return image;
    }

    private static BufferedImage imageIo(byte[] data, String format, ImageBounds bounds, ImageErrors errors) {
        if (TiffHeader.isTiff(data)) {
            TiffHeader.check(data, errors);
        }
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw errors.error("unsupported", "no decoder recognises the " + format + " data");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                // getWidth and getHeight read the header only (IHDR, SOF, the TIFF tags, the JP2 header box).
                bounds.checkDeclared(reader.getWidth(0), reader.getHeight(0), errors);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof NistFormatException || e instanceof ImageRefusedException) {
                throw (RuntimeException) e;
            }
            throw errors.error("decode", "the " + format + " data is damaged or cut short and cannot be decoded");
        }
    }
}
