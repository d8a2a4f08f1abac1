package org.ibex.biometrics;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;

/**
 * 1:N fingerprint identification: a geometric-hashing vote over minutia pairs picks a short list of enrolled
 * fingers, which SourceAFIS then scores. Fingers can be enrolled and removed while searches run; each search
 * spreads over all shards at once, so one probe uses every core.
 *
 * <p>What the fast path gives up: a mate that shares too few pair hashes with the probe to reach the short list
 * is missed even if SourceAFIS would have ranked it first. {@code ibex bench identify} measures how often.
 */
public final class FingerprintIndex implements AutoCloseable {
    private final IndexParameters parameters;
    private final IndexShard[] shards;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Enrolled fingers of each id, as shard in the high and slot in the low 32 bits. */
    private final Map<Long, long[]> handles = new HashMap<>();

    /** An index with its own daemon threads, one per shard beyond the caller's. */
    public FingerprintIndex(IndexParameters parameters) {
        this(parameters, Executors.newFixedThreadPool(Math.max(1, parameters.shards() - 1), runnable -> {
            Thread thread = new Thread(runnable, "fingerprint-index");
            thread.setDaemon(true);
            return thread;
        }), true);
    }

    /** An index that searches its other shards on the given executor (the caller's thread takes the first). */
    public FingerprintIndex(IndexParameters parameters, ExecutorService executor) {
        this(parameters, executor, false);
    }

    private FingerprintIndex(IndexParameters parameters, ExecutorService executor, boolean ownsExecutor) {
        this.parameters = parameters;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
        shards = new IndexShard[parameters.shards()];
        for (int s = 0; s < shards.length; s++) {
            shards[s] = new IndexShard();
        }
    }

    /**
     * Enrols one finger from stored SourceAFIS template bytes, replacing the same id and finger position if
     * present. The costly parsing happens before the lock, so several threads can load at once.
     */
    public void add(long id, int fingerPosition, byte[] template) {
        add(id, fingerPosition, new FingerprintTemplate(template), template);
    }

    /** Enrols one finger from a SourceAFIS template, replacing the same id and finger position if present. */
    public void add(long id, int fingerPosition, FingerprintTemplate template) {
        add(id, fingerPosition, template, template.toByteArray());
    }

    private void add(long id, int fingerPosition, FingerprintTemplate template, byte[] bytes) {
        if (fingerPosition < 0 || fingerPosition > 255) {
            throw new IllegalArgumentException("finger position must be 0 (unknown) to 255, was " + fingerPosition);
        }
        MinutiaPairHasher.Pairs pairs = MinutiaPairHasher.gallery(Minutiae.parse(bytes));
        lock.writeLock().lock();
        try {
            removeFinger(id, fingerPosition);
            int s = smallestShard();
            long handle = ((long) s << 32) | shards[s].add(id, fingerPosition, template, pairs);
            long[] old = handles.getOrDefault(id, new long[0]);
            long[] updated = Arrays.copyOf(old, old.length + 1);
            updated[old.length] = handle;
            handles.put(id, updated);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes every finger enrolled under the id; returns whether there was any. */
    public boolean remove(long id) {
        lock.writeLock().lock();
        try {
            long[] removed = handles.remove(id);
            if (removed == null) {
                return false;
            }
            for (long handle : removed) {
                shards[(int) (handle >>> 32)].remove((int) handle);
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Up to {@code limit} enrolled fingers most like the probe, best SourceAFIS score first. */
    public List<Candidate> identify(FingerprintTemplate probe, int limit) {
        List<Shortlisted> shortList = shortList(MinutiaPairHasher.probe(Minutiae.parse(probe.toByteArray())));
        FingerprintMatcher matcher = new FingerprintMatcher(probe);
        double[] scores = new double[shortList.size()];
        int parts = shards.length;
        inParallel(part -> {
            for (int i = part; i < scores.length; i += parts) {
                scores[i] = matcher.match(shortList.get(i).template());
            }
        });
        List<Candidate> candidates = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            Shortlisted s = shortList.get(i);
            candidates.add(new Candidate(s.id(), s.position(), s.pairScore(), scores[i]));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return List.copyOf(candidates.subList(0, Math.min(limit, candidates.size())));
    }

    /** Enrolled fingers. */
    public int size() {
        lock.readLock().lock();
        try {
            return Arrays.stream(shards).mapToInt(IndexShard::size).sum();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Pair hashes held, including those of removed fingers not yet compacted away: 4 bytes each. */
    public long postings() {
        lock.readLock().lock();
        try {
            return Arrays.stream(shards).mapToLong(IndexShard::postings).sum();
        } finally {
            lock.readLock().unlock();
        }
    }

    public IndexParameters parameters() {
        return parameters;
    }

    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdown();
        }
    }

    /** A finger on the short list, captured under the lock so that rescoring needs none. */
    private record Shortlisted(long id, int position, int pairScore, FingerprintTemplate template) {
    }

    private List<Shortlisted> shortList(MinutiaPairHasher.Pairs pairs) {
        int length = parameters.shortList();
        long[][] best = new long[shards.length][];
        lock.readLock().lock();
        try {
            inParallel(s -> {
                TopVotes top = new TopVotes(length);
                shards[s].vote(pairs, top);
                best[s] = top.sorted();
            });
            TopVotes merged = new TopVotes(length);
            for (int s = 0; s < shards.length; s++) {
                for (long entry : best[s]) {
                    // Slots are below 2^25, so the shard fits above them in the slot word.
                    merged.offer((int) (entry >>> 32), (s << 26) | (int) entry);
                }
            }
            List<Shortlisted> list = new ArrayList<>(length);
            for (long entry : merged.sorted()) {
                IndexShard shard = shards[(int) entry >>> 26];
                int slot = (int) entry & ((1 << 26) - 1);
                list.add(new Shortlisted(shard.id(slot), shard.position(slot), (int) (entry >>> 32), shard.template(slot)));
            }
            return list;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs part 0 on the calling thread and the other parts on the executor, and waits for all. */
    private void inParallel(IntConsumer part) {
        List<Future<?>> futures = new ArrayList<>(shards.length - 1);
        for (int p = 1; p < shards.length; p++) {
            int index = p;
            futures.add(executor.submit(() -> part.accept(index)));
        }
        part.accept(0);
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while searching the fingerprint index", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("fingerprint index search failed: " + e.getCause(), e.getCause());
        }
    }

    private void removeFinger(long id, int position) {
        long[] current = handles.get(id);
        if (current == null) {
            return;
        }
        long[] kept = Arrays.stream(current).filter(h -> {
            IndexShard shard = shards[(int) (h >>> 32)];
            if (shard.position((int) h) != position) {
                return true;
            }
            shard.remove((int) h);
            return false;
        }).toArray();
        if (kept.length == 0) {
            handles.remove(id);
        } else {
            handles.put(id, kept);
        }
    }

    private int smallestShard() {
        int best = 0;
        for (int s = 1; s < shards.length; s++) {
            if (shards[s].size() < shards[best].size()) {
                best = s;
            }
        }
        return best;
    }
}
