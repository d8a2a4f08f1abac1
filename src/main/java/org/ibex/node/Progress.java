package org.ibex.node;

import java.io.PrintStream;

/**
 * A progress bar on standard error when it is a terminal; silent otherwise, so logs and pipes stay clean.
 * Long work reports with {@link #advance} and ends with {@link #done}; the caller prints the summary.
 */
public final class Progress {
    private final PrintStream err;
    private final boolean terminal;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private long count;
    private long lastDraw;

    public Progress(String label, long total) {
        this(System.err, System.console() != null, label, total);
    }

    public Progress(PrintStream err, boolean terminal, String label, long total) {
        this.err = err;
        this.terminal = terminal;
        this.label = label;
        this.total = total;
    }

    public void advance(long n) {
        count += n;
        long now = System.nanoTime();
        if (terminal && (now - lastDraw > 100_000_000L || count >= total)) {
            lastDraw = now;
            draw();
        }
    }

    public void done() {
        if (terminal) {
            draw();
            err.println();
        }
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void draw() {
        int width = 30;
        double share = total <= 0 ? 0 : Math.min(1.0, (double) count / total);
        int filled = (int) Math.round(share * width);
        double rate = count / Math.max(seconds(), 1e-9);
        err.printf("\r%-12s [%s%s] %3d%% %d/%d  %.0f/s ", label, "#".repeat(filled), " ".repeat(width - filled),
                Math.round(share * 100), count, total, rate);
        err.flush();
    }
}
