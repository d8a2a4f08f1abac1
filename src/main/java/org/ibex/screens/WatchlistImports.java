package org.ibex.screens;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.input.FieldRuleException;
import org.ibex.watchlist.ConfirmationRequiredException;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.UnknownListException;
import org.ibex.watchlist.WatchlistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * List imports started from the screens, run one at a time on this class's own thread so a large file never
 * holds a request. Each import's state is kept in memory by a random id for the user who started it; a finished
 * import is dropped only when many newer ones have finished since, and its result is in the list's versions and
 * the access log anyway.
 */
final class WatchlistImports {
    private static final Logger LOG = LoggerFactory.getLogger(WatchlistImports.class);
    private static final int KEPT = 500;
    private final WatchlistService lists;
    /** Imports waiting their turn; each holds its upload on disk, so a burst is refused rather than queued. */
    private static final int WAITING = 16;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(WAITING), task -> {
        Thread thread = new Thread(task, "watchlist-screen-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    WatchlistImports(WatchlistService lists) {
        this.lists = lists;
        // No thread idles for a node that imports nothing.
        executor.allowCoreThreadTimeOut(true);
    }

    /** One import: who started it, how far it is, and how it ended. */
    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final String username;
        final String listId;
        final String fileName;
        final Instant startedAt = Instant.now();
        final AtomicInteger rows = new AtomicInteger();
        volatile Integer estimate;
        volatile boolean running = true;
        volatile WatchlistService.ImportResult result;
        volatile Integer removalToConfirm;
        volatile String failure;

        Job(String username, String listId, String fileName) {
            this.username = username;
            this.listId = listId;
            this.fileName = fileName;
        }

        WatchlistViews.ImportView view() {
            return new WatchlistViews.ImportView(id, listId, fileName, startedAt, running, rows.get(), estimate, result,
                    removalToConfirm, failure);
        }
    }

    /**
     * Starts importing {@code file} (which this class then owns and deletes) and gives the import's id; empty when
     * too many imports already wait, and the file is deleted.
     */
    Optional<String> start(ListImport request, Path file, String fileName, String format, Actor actor) {
        Job job = new Job(actor.username(), request.id(), fileName);
        try {
            // Counted before the page is first shown, so its bar starts with a share, not an empty activity.
            job.estimate = estimate(file, format);
        } catch (IOException e) {
            LOG.warn("could not count the rows of the uploaded list file {}", file, e);
        }
        synchronized (jobs) {
            jobs.put(job.id, job);
            forgetOldFinished();
        }
        try {
            executor.execute(() -> run(job, request, file, format, actor));
        } catch (RejectedExecutionException e) {
            synchronized (jobs) {
                jobs.remove(job.id);
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException failed) {
                LOG.warn("could not delete the uploaded list file {}", file, failed);
            }
            return Optional.empty();
        }
        return Optional.of(job.id);
    }

    /** The import, to the user who started it only; anyone else finds nothing. */
    Optional<WatchlistViews.ImportView> find(String id, String username) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).filter(job -> job.username.equals(username)).map(Job::view);
        }
    }

    private void run(Job job, ListImport request, Path file, String format, Actor actor) {
        try {
            job.result = lists.importFile(request, file, format, job.rows::set, actor);
        } catch (ConfirmationRequiredException e) {
            job.removalToConfirm = e.removed();
        } catch (AccessDeniedException | UnknownListException e) {
            job.failure = "watchlist.import.forbidden";
        } catch (FieldRuleException e) {
            job.failure = e.field() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("incident {} importing watchlist {} from the screens", incident, job.listId, e);
            job.failure = "incident:" + incident;
        } finally {
            job.running = false;
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete the uploaded list file {}", file, e);
            }
        }
    }

    /**
     * About how many entries the file holds, for the progress bar: its lines for a CSV, its INDIVIDUAL and ENTITY
     * elements for the UN XML, nothing for JSON (the bar then shows activity, not a share).
     */
    static Integer estimate(Path file, String format) throws IOException {
        String name = file.getFileName().toString();
        boolean xml = "un-xml".equals(format) || format == null && name.endsWith(".xml");
        boolean csv = "csv".equals(format) || "opensanctions".equals(format) || format == null && name.endsWith(".csv");
        if (!xml && !csv) {
            return null;
        }
        byte[] marker = "<INDIVIDUAL>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] entity = "<ENTITY>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int count = 0;
        int individual = 0;
        int other = 0;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            for (int b; (b = in.read()) >= 0; ) {
                if (csv) {
                    count += b == '\n' ? 1 : 0;
                    continue;
                }
                individual = b == marker[individual] ? individual + 1 : b == marker[0] ? 1 : 0;
                other = b == entity[other] ? other + 1 : b == entity[0] ? 1 : 0;
                if (individual == marker.length || other == entity.length) {
                    count++;
                    individual = individual == marker.length ? 0 : individual;
                    other = other == entity.length ? 0 : other;
                }
            }
        }
        return csv ? Math.max(1, count - 1) : Math.max(1, count);
    }

    private void forgetOldFinished() {
        int over = jobs.size() - KEPT;
        for (Iterator<Job> it = jobs.values().iterator(); over > 0 && it.hasNext(); ) {
            if (!it.next().running) {
                it.remove();
                over--;
            }
        }
    }
}
