package org.ibex.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.ibex.store.StoreException;
import org.ibex.sync.HeadquartersSync;
import org.ibex.sync.PostContact;
import org.ibex.sync.PostSync;
import org.ibex.sync.ReferenceAge;
import org.ibex.sync.SyncStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Sync state as Prometheus gauges, in the style of {@link ExchangeMetrics}: one reading of the state serves every
 * gauge of a scrape and is reused for a second; labelled gauges (one per reference dataset at a post, one per post
 * at headquarters) follow the datasets and the directory as they change. -1 reads "never" or "not reported yet".
 */
public final class SyncMetrics {
    private static final long REUSE_NANOS = 1_000_000_000L;
    private final SyncStatus status;
    private final MeterRegistry registry;
    private final boolean headquarters;
    /** The labelled gauges bound so far, by label value; guarded by {@code this}. */
    private final Map<String, List<Meter>> bound = new HashMap<>();
    private volatile Object snapshot;
    private volatile long takenAt;

    private SyncMetrics(SyncStatus status, MeterRegistry registry, boolean headquarters) {
        this.status = status;
        this.registry = registry;
        this.headquarters = headquarters;
    }

    /** Binds the post's gauges on a post, headquarters' on a headquarters, none on a node that is neither. */
    public static void bind(SyncStatus status, MeterRegistry registry) {
        switch (status.place()) {
            case POST -> new SyncMetrics(status, registry, false).bindPost();
            case HEADQUARTERS -> new SyncMetrics(status, registry, true).bindHeadquarters();
            case NEITHER -> { }
        }
    }

    private void bindPost() {
        fixed("ibex_sync_backlog_records", "journal records not yet queued for headquarters",
                post -> ((PostSync) post).unqueuedRecords());
        fixed("ibex_sync_backlog_batches", "record batches queued for headquarters and not yet receipted"
                + " (up to 1000 records each)", post -> ((PostSync) post).pendingBatches());
        fixed("ibex_sync_seconds_since_headquarters_contact", "seconds since headquarters last answered (-1 when"
                + " never)", post -> orMinusOne(((PostSync) post).secondsSinceContact()));
        fixed("ibex_sync_oldest_waiting_seconds", "age of the oldest record not yet at headquarters (0 when none)",
                post -> ((PostSync) post).oldestWaitingAt() == null ? 0.0
                        : Math.max(0, Duration.between(((PostSync) post).oldestWaitingAt(), Instant.now())
                        .toSeconds()));
        fixed("ibex_reference_stale_datasets", "reference copies past their expiry or maximum age",
                post -> ((PostSync) post).staleReferences());
        current();
    }

    private void bindHeadquarters() {
        fixed("ibex_sync_posts", "posts of this headquarters in the directory in force",
                hq -> ((HeadquartersSync) hq).posts().size());
        fixed("ibex_sync_posts_stale", "posts never heard from or quiet for longer than sync.quiet-hours",
                hq -> ((HeadquartersSync) hq).stalePosts());
        current();
    }

    private void fixed(String name, String help, ToDoubleFunction<Object> value) {
        Gauge.builder(name, this, metrics -> {
            Object view = metrics.current();
            return view == null ? Double.NaN : value.applyAsDouble(view);
        }).description(help).strongReference(true).register(registry);
    }

    private Object current() {
        long now = System.nanoTime();
        if (snapshot == null || now - takenAt > REUSE_NANOS) {
            try {
                snapshot = headquarters ? status.headquarters() : status.post();
            } catch (StoreException | IllegalStateException e) {
                // A closed or unreachable store reads as unknown, not as a failed scrape.
                return null;
            }
            takenAt = now;
            follow(labels(snapshot));
        }
        return snapshot;
    }

    private static Set<String> labels(Object view) {
        return view instanceof PostSync post
                ? post.references().stream().map(ReferenceAge::dataset).collect(Collectors.toSet())
                : ((HeadquartersSync) view).posts().stream().map(PostContact::node).collect(Collectors.toSet());
    }

    private List<Meter> gaugesOf(String label) {
        if (!headquarters) {
            return List.of(
                    labelled("ibex_reference_age_seconds", "seconds since headquarters issued the copy held here",
                            "dataset", label, view -> reference(view, label).map(r -> (double) r.ageSeconds())),
                    labelled("ibex_reference_stale", "1 when the copy is past its expiry or maximum age",
                            "dataset", label, view -> reference(view, label).map(r -> r.stale() ? 1.0 : 0.0)));
        }
        return List.of(
                labelled("ibex_sync_post_backlog_records", "records the post said were still waiting (-1 before"
                        + " its first batch)", "post", label, view -> contact(view, label)
                        .map(p -> orMinusOne(p.backlogRecords()))),
                labelled("ibex_sync_post_seconds_since_contact", "seconds since the post was last heard from (-1"
                        + " when never)", "post", label, view -> contact(view, label)
                        .map(p -> orMinusOne(p.secondsSinceContact()))));
    }

    private Meter labelled(String name, String help, String key, String label,
                           Function<Object, java.util.Optional<Double>> value) {
        return Gauge.builder(name, this, metrics -> {
            Object view = metrics.current();
            return view == null ? Double.NaN : value.apply(view).orElse(Double.NaN);
        }).description(help).tag(key, label).strongReference(true).register(registry);
    }

    private static java.util.Optional<ReferenceAge> reference(Object view, String dataset) {
        return ((PostSync) view).references().stream().filter(r -> r.dataset().equals(dataset)).findFirst();
    }

    private static java.util.Optional<PostContact> contact(Object view, String post) {
        return ((HeadquartersSync) view).posts().stream().filter(p -> p.node().equals(post)).findFirst();
    }

    private static double orMinusOne(Long value) {
        return value == null ? -1.0 : value;
    }

    /** Binds gauges for labels not seen before and removes those that went, as {@link ExchangeMetrics} does. */
    private synchronized void follow(Set<String> labels) {
        for (String label : labels) {
            bound.computeIfAbsent(label, this::gaugesOf);
        }
        bound.entrySet().removeIf(entry -> {
            if (labels.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().forEach(registry::remove);
            return true;
        });
    }
}
