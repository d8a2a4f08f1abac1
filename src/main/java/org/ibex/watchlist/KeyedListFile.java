package org.ibex.watchlist;

import org.ibex.names.NameKeyCodec;
import org.ibex.store.PrivateFiles;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The file that keeps one list keyed, so a node starts without romanising its names again. Layout: magic and
 * format version; the matcher's fingerprint, the list id and its stamp (what the file is good for); the table of
 * blocking keys; the persons in blocks of {@value #BLOCK} (read on every core); a CRC-32C of all that. Written to a
 * temporary file and moved into place, so a reader sees the old file or the new one, never half of one.
 */
final class KeyedListFile {
    static final long MAGIC = 0x4942455848494458L; // "IBEXHIDX"
    static final int FORMAT = 1;
    static final int BLOCK = 4096;
    private final String fingerprint;

    KeyedListFile(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    /** Why a file was not used; {@code list} is set when it was. */
    record Outcome(KeyedList list, String refusal) {
    }

    void write(Path file, KeyedList list) throws IOException {
        Map<String, Integer> keyIds = new LinkedHashMap<>();
        for (List<PersonIndex.Keyed> names : list.keyed()) {
            for (PersonIndex.Keyed name : names) {
                for (Set<String> keys : name.keysByToken()) {
                    keys.forEach(k -> keyIds.putIfAbsent(k, keyIds.size()));
                }
            }
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        // Listed names: readable by the node's account only from the first byte, whatever the umask.
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PrivateFiles.FILE));
        }
        KeyedEntryCodec codec = new KeyedEntryCodec();
        try (OutputStream raw = Files.newOutputStream(temp)) {
            CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), new CRC32C());
            DataOutputStream out = new DataOutputStream(checked);
            out.writeLong(MAGIC);
            out.writeInt(FORMAT);
            NameKeyCodec.writeString(out, fingerprint);
            NameKeyCodec.writeString(out, list.listId());
            NameKeyCodec.writeString(out, list.stamp());
            out.writeInt(list.entries().size());
            out.writeInt(keyIds.size());
            for (String key : keyIds.keySet()) {
                NameKeyCodec.writeString(out, key);
            }
            ByteArrayOutputStream block = new ByteArrayOutputStream(1 << 20);
            DataOutputStream blockOut = new DataOutputStream(block);
            for (int start = 0; start < list.entries().size(); start += BLOCK) {
                int end = Math.min(list.entries().size(), start + BLOCK);
                block.reset();
                for (int i = start; i < end; i++) {
                    codec.write(blockOut, list.entries().get(i), list.keyed().get(i), keyIds);
                }
                blockOut.flush();
                out.writeInt(block.size());
                out.writeInt(end - start);
                block.writeTo(out);
            }
            out.flush();
            long crc = checked.getChecksum().getValue();
            out.writeLong(crc);
            out.flush();
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The list as stored, if the file is whole and was made by this matcher for {@code listId} at {@code stamp};
     * otherwise why not (missing, stale, damaged), never an exception for a bad file.
     */
    Outcome read(Path file, String listId, String stamp) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new Outcome(null, "no keyed file");
        }
        ByteBuffer bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 24 || size > Integer.MAX_VALUE) {
                return new Outcome(null, "damaged: " + size + " bytes");
            }
            bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        try {
            return parse(bytes, listId, stamp);
        } catch (RuntimeException e) { // whatever a damaged file makes the decoder throw
            return new Outcome(null, "damaged: " + e);
        }
    }

    private Outcome parse(ByteBuffer bytes, String listId, String stamp) {
        ByteBuffer header = heapCopy(bytes, 0, Math.min(bytes.limit(), 1 << 16));
        if (header.getLong() != MAGIC || header.getInt() != FORMAT) {
            return new Outcome(null, "damaged or of another format");
        }
        String madeBy = NameKeyCodec.readString(header);
        String list = NameKeyCodec.readString(header);
        String madeAt = NameKeyCodec.readString(header);
        if (!fingerprint.equals(madeBy)) {
            return new Outcome(null, "stale: keyed by another version of the name matcher");
        }
        if (!listId.equals(list) || !stamp.equals(madeAt)) {
            return new Outcome(null, "stale: made for " + list + " at " + madeAt + ", the database has " + stamp);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate().position(0).limit(bytes.limit() - 8));
        if (crc.getValue() != bytes.getLong(bytes.limit() - 8)) {
            return new Outcome(null, "damaged: checksum differs");
        }
        ByteBuffer in = bytes.duplicate().position(header.position());
        int entries = in.getInt();
        String[] keyTable = new String[in.getInt()];
        for (int i = 0; i < keyTable.length; i++) {
            keyTable[i] = readString(in);
        }
        List<int[]> blocks = new ArrayList<>();
        for (int read = 0; read < entries; ) {
            int length = in.getInt();
            int count = in.getInt();
            blocks.add(new int[]{in.position(), length, count});
            in.position(in.position() + length);
            read += count;
        }
        if (in.position() != bytes.limit() - 8) {
            throw new IllegalArgumentException("blocks end at " + in.position() + " of " + bytes.limit());
        }
        KeyedEntryCodec codec = new KeyedEntryCodec();
        List<List<KeyedEntryCodec.Entry>> decoded = IntStream.range(0, blocks.size()).parallel().mapToObj(b -> {
            int[] block = blocks.get(b);
            ByteBuffer part = heapCopy(bytes, block[0], block[1]);
            KeyedEntryCodec blockCodec = codec.forBlock();
            List<KeyedEntryCodec.Entry> out = new ArrayList<>(block[2]);
            for (int i = 0; i < block[2]; i++) {
                out.add(blockCodec.read(part, listId, keyTable));
            }
            if (part.hasRemaining()) {
                throw new IllegalArgumentException("block " + b + " has " + part.remaining() + " bytes left");
            }
            return out;
        }).toList();
        List<PersonEntry> persons = new ArrayList<>(entries);
        List<List<PersonIndex.Keyed>> keyed = new ArrayList<>(entries);
        for (List<KeyedEntryCodec.Entry> block : decoded) {
            for (KeyedEntryCodec.Entry entry : block) {
                persons.add(entry.person());
                keyed.add(entry.keyed());
            }
        }
        return new Outcome(new KeyedList(listId, stamp, persons, keyed), null);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string of " + length + " bytes");
        }
        byte[] text = new byte[length];
        in.get(text);
        return new String(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A block copied onto the heap: strings decode straight from its array. */
    private static ByteBuffer heapCopy(ByteBuffer bytes, int from, int length) {
        byte[] copy = new byte[length];
        bytes.get(from, copy);
        return ByteBuffer.wrap(copy);
    }
}
