package org.ibex.watchlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding with a budget of characters per row. Bytes that are not UTF-8 fail with their offset
 * (never a silent U+FFFD), and more than the row limit without a row boundary fails too, so a parser that buffers
 * ahead can never be led to read a huge file into memory. The failure is kept as a file-level {@link RowError}
 * because XML and JSON libraries wrap the exception in their own.
 */
final class GuardedReader extends Reader {
    /** Readers above us (BufferedReader, parsers) read ahead about this much; the budget allows for it. */
    private static final int READ_AHEAD_SLACK = 16 * 1024;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).limit(0);
    private final CharBuffer chars = CharBuffer.allocate(8192).limit(0);
    private final long rowBudget;
    private long bytesBefore;
    private long charsThisRow;
    private boolean endOfInput;
    private boolean started;
    private boolean flushed;
    private RowError failure;

    GuardedReader(InputStream in, int maxRowChars) {
        this.in = in;
        this.rowBudget = (long) maxRowChars + READ_AHEAD_SLACK;
    }

    /** A row boundary: the budget starts again. */
    void startRow() {
        charsThisRow = 0;
    }

    /** Why reading stopped, or null if it did not stop here. */
    RowError failure() {
        return failure;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (failure != null) {
            throw new InputRejected(failure.message());
        }
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !refill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        charsThisRow += n;
        if (charsThisRow > rowBudget) {
            throw fail(RowError.ROW_TOO_LONG, "more than " + (rowBudget - READ_AHEAD_SLACK) + " characters without"
                    + " the end of a row or entry; split the data into rows (entries) or check that this is the right"
                    + " file");
        }
        return n;
    }

    private boolean refill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                throw fail(RowError.ENCODING, "the bytes at offset " + (bytesBefore + bytes.position())
                        + " are not UTF-8; save the file as UTF-8 (ISO-8859-1 and Windows-1252 files must be converted)");
            }
            if (chars.position() > 0 || result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
            fillBytes();
        }
        chars.flip();
        if (!started && chars.hasRemaining()) {
            started = true;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get(); // A byte order mark is not content.
            }
        }
        return chars.hasRemaining() || refill();
    }

    private void fillBytes() throws IOException {
        bytesBefore += bytes.position();
        bytes.compact();
        int n;
        try {
            n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        } catch (IOException e) {
            throw fail(RowError.IO, "the file could not be read further: " + e.getMessage());
        }
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private InputRejected fail(String rule, String message) {
        failure = new RowError(0, "file", rule, message);
        return new InputRejected(message);
    }

    /** The input stream belongs to the caller, who closes it. */
    @Override
    public void close() {
    }

    /** Thrown up through whichever parser reads from us; {@link #failure()} holds the details. */
    static final class InputRejected extends IOException {
        InputRejected(String message) {
            super(message);
        }
    }
}
