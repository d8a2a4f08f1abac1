package org.ibex.watchlist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** Sample files and generated streams for the parser tests. */
final class TestInputs {
    private TestInputs() {
    }

    static InputStream resource(String name) {
        InputStream in = TestInputs.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + name + " beside " + TestInputs.class);
        }
        return in;
    }

    static Path resourcePath(String name) {
        try {
            return Path.of(TestInputs.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real export in the shared data folder beside the checkout ({@code -Dibex.shared} elsewhere). */
    static Path sharedList(String name) {
        Path file = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "watchlists", name);
        if (!java.nio.file.Files.isReadable(file)) {
            throw new AssertionError("the shared list " + file.toAbsolutePath() + " is missing: the tests read the real"
                    + " exports from ../shared/data/watchlists (see ../shared/README.md)");
        }
        return file;
    }

    static ParsedEntries parseFile(WatchlistParser parser, Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return parser.parse(in, "test-list", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedEntries parse(WatchlistParser parser, String resource) {
        try (InputStream in = resource(resource)) {
            return parser.parse(in, "test-list", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedEntries parseText(WatchlistParser parser, String text) {
        return parser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test-list", null);
    }

    static PersonEntry person(ParsedEntries parsed, String entryId) {
        return parsed.persons().stream().filter(p -> p.entryId().equals(entryId)).findFirst()
                .orElseThrow(() -> new AssertionError("no person " + entryId + " among " + parsed.persons()));
    }

    static List<RowError> errorsOfRow(ParsedEntries parsed, int row) {
        return parsed.errors().stream().filter(e -> e.row() == row).collect(Collectors.toList());
    }

    /** Bytes from a seeded Random, generated as read: a huge hostile file without a file. */
    static final class RandomBytes extends InputStream {
        private final Random random;
        private final long size;
        private final byte[] alphabet;
        private long read;

        /** Any byte value when {@code alphabet} is null, else only bytes from it. */
        RandomBytes(long seed, long size, byte[] alphabet) {
            this.random = new Random(seed);
            this.size = size;
            this.alphabet = alphabet;
        }

        long bytesRead() {
            return read;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - read);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = alphabet == null ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            read += n;
            return n;
        }
    }

    /** A fixed prefix, then {@code count} copies of a repeated chunk, then a suffix; generated as read. */
    static InputStream repeated(String prefix, String chunk, long count, String suffix) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] body = chunk.getBytes(StandardCharsets.UTF_8);
        byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
        long total = head.length + body.length * count + tail.length;
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= total) {
                    return -1;
                }
                long p = position++;
                if (p < head.length) {
                    return head[(int) p] & 0xff;
                }
                p -= head.length;
                if (p < body.length * count) {
                    return body[(int) (p % body.length)] & 0xff;
                }
                return tail[(int) (p - body.length * count)] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= total) {
                    return -1;
                }
                int n = 0;
                while (n < length && position < total) {
                    buffer[offset + n++] = (byte) read();
                }
                return n;
            }
        };
    }
}
