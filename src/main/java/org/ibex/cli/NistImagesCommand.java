package org.ibex.cli;

import org.ibex.biometrics.NistFormatException;
import org.ibex.biometrics.NistImage;
import org.ibex.biometrics.NistImageDecoder;
import org.ibex.biometrics.NistRecord;
import org.ibex.biometrics.NistTransaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Decodes every image of a transaction and writes it as PNG, named {@code <record>-type<T>-fgp<position>.png}
 * (without the position part for records that have none). Images in a format we cannot decode
 * (lossless JPEG) are listed as skipped; damaged image data rejects the file.
 */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = "Write the images of an ANSI/NIST-ITL file as PNG files into DIR.")
final class NistImagesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the transaction")
    Path file;
    @Parameters(index = "1", paramLabel = "DIR", description = "folder for the PNG files (created if missing)")
    Path dir;

    @Override
    public Integer call() throws IOException {
        NistTransaction transaction;
        try {
            transaction = NistDumpCommand.read(file);
        } catch (NistDumpCommand.NistFileException e) {
            System.err.println("ibex nist images: " + e.getMessage());
            return e.exit;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            System.err.println("ibex nist images: cannot create folder " + dir + " (" + e.getClass().getSimpleName() + ")");
            return 2;
        }
        int written = 0;
        for (NistRecord record : transaction.imageRecords()) {
            BufferedImage image;
            try {
                image = NistImageDecoder.decode(record);
            } catch (NistFormatException e) {
                if (!e.rule().equals("unsupported")) {
                    System.err.println("ibex nist images: " + file + ": " + e.getMessage());
                    return 1;
                }
                System.out.println("skipped record " + record.index() + " (type " + record.type() + "): " + e.getMessage());
                continue;
            }
            Path target = dir.resolve(name(record));
            ImageIO.write(image, "png", target.toFile());
            System.out.println("wrote " + target + " (" + image.getWidth() + "x" + image.getHeight() + ")");
            written++;
        }
        System.out.println(written + " image(s) written to " + dir);
        return 0;
    }

    static String name(NistRecord record) {
        NistImage image = record.image().orElseThrow();
        String position = image.positions().isEmpty() ? "" : "-fgp" + image.positions().get(0);
        return record.index() + "-type" + record.type() + position + ".png";
    }
}
