package org.ibex.names;

import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A {@link NameKey} in bytes, so a keyed list can be stored and read back without romanising its names again,
 * and the fingerprint of the matcher that made it: a stored key is only good for the very code and tables that
 * keyed it.
 */
public final class NameKeyCodec {
    private static final String PACKAGE = "org/ibex/names/";
    private static final Script[] SCRIPTS = Script.values();

    private NameKeyCodec() {
    }

    public static void write(DataOutput out, NameKey key) throws IOException {
        writeString(out, key.name());
        out.writeShort(key.tokens().length);
        for (TokenKey token : key.tokens()) {
            writeString(out, token.text());
            out.writeByte(token.script().ordinal());
            out.writeByte(token.flags());
            out.writeShort(token.packed().length);
            out.write(token.packed());
        }
    }

    /** Reads what {@link #write} wrote; a value out of range throws {@link IllegalArgumentException}. */
    public static NameKey read(ByteBuffer in) {
        String name = readString(in);
        TokenKey[] tokens = new TokenKey[in.getShort() & 0xffff];
        for (int i = 0; i < tokens.length; i++) {
            String text = readString(in);
            int script = in.get();
            if (script < 0 || script >= SCRIPTS.length) {
                throw new IllegalArgumentException("script " + script + " out of range");
            }
            int flags = in.get();
            byte[] packed = new byte[in.getShort() & 0xffff];
            in.get(packed);
            tokens[i] = new TokenKey(text, SCRIPTS[script], flags, packed);
        }
        return new NameKey(name, tokens);
    }

    /** A string as its UTF-8 length and bytes (no 64 KiB limit, unlike {@link DataOutput#writeUTF}). */
    public static void writeString(DataOutput out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    /**
     * SHA-256 over the matcher's classes and tables (as the running code holds them), the ICU and Java versions
     * behind its romanisation: any change to how names are keyed changes it. When the code cannot be read, a
     * value that matches nothing stored, so stored keys are never trusted blindly.
     */
    public static String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Java's version fixes its Unicode tables (scripts, normalisation); ICU's fixes the transliterators.
            digest.update(("icu " + com.ibm.icu.util.VersionInfo.ICU_VERSION + " java " + Runtime.version().feature())
                    .getBytes(StandardCharsets.UTF_8));
            Path code = Path.of(NameMatcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Resource resource : resources(code)) {
                digest.update(resource.name().getBytes(StandardCharsets.UTF_8));
                digest.update(resource.bytes());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | URISyntaxException | RuntimeException | NoSuchAlgorithmException e) {
            return "unreadable-" + System.nanoTime();
        }
    }

    private record Resource(String name, byte[] bytes) {
    }

    private static List<Resource> resources(Path code) throws IOException {
        List<Resource> out = new ArrayList<>();
        if (Files.isDirectory(code)) {
            Path folder = code.resolve(PACKAGE);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.add(new Resource(file.getFileName().toString(), Files.readAllBytes(file)));
                }
            }
            // Tables sit beside the classes in a jar; in a build tree they may be in another folder of resources.
            for (String table : List.of("edit-costs.tsv", "han-readings.tsv", "kana-readings.tsv")) {
                if (!Files.exists(folder.resolve(table))) {
                    try (InputStream in = NameMatcher.class.getResourceAsStream(table)) {
                        out.add(new Resource(table, in == null ? new byte[0] : in.readAllBytes()));
                    }
                }
            }
            return out;
        }
        try (ZipFile jar = new ZipFile(code.toFile())) {
            List<ZipEntry> entries = jar.stream().filter(e -> e.getName().startsWith(PACKAGE) && !e.isDirectory())
                    .sorted((a, b) -> a.getName().compareTo(b.getName())).map(e -> (ZipEntry) e).toList();
            for (ZipEntry entry : entries) {
                try (InputStream in = jar.getInputStream(entry)) {
                    out.add(new Resource(entry.getName().substring(PACKAGE.length()), in.readAllBytes()));
                }
            }
        }
        return out;
    }
}
