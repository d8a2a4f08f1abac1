package org.ibex.bench;

import java.lang.management.ManagementFactory;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * What {@code bench hitnohit} prints from its answers: latencies against the baseline, answers against the
 * responder's national search (and against which fingers were really enrolled), and the probes found at the
 * responder after their receipt; last the one {@code SUMMARY} line.
 */
final class HitNoHitReport {
    private final List<PartnerProbeRuns.Answer> answers;
    private final int warmUp;
    private final int gallery;
    private final Latencies endToEnd;
    private final Latencies baseline;

    HitNoHitReport(List<PartnerProbeRuns.Answer> answers, int warmUp, int gallery) {
        this.answers = List.copyOf(answers);
        this.warmUp = warmUp;
        this.gallery = gallery;
        int timed = answers.size() - warmUp;
        endToEnd = new Latencies(timed);
        baseline = new Latencies(timed);
        for (PartnerProbeRuns.Answer answer : answers.subList(warmUp, answers.size())) {
            endToEnd.add(answer.endToEndNanos());
            baseline.add(answer.baselineNanos());
        }
    }

    /** The needles of every probe sent, warm-up included. */
    ProbeTraces traces() {
        return new ProbeTraces(answers.stream().map(a -> a.probe().finger().template()).toList(),
                answers.stream().map(PartnerProbeRuns.Answer::probeSha256).toList());
    }

    void printAnswers() {
        int timed = answers.size() - warmUp;
        System.out.printf("%-44s %6s %9s %9s %9s%n", "", "probes", "p50 ms", "p95 ms", "p99 ms");
        line("partner probe, send to answer recorded", timed, endToEnd);
        line("baseline: responder's national 1:N search", timed, baseline);
        int[] mated = new int[2];
        int[] nonMated = new int[2];
        int matedRight = 0;
        for (PartnerProbeRuns.Answer a : answers) {
            int[] kind = a.probe().mated() ? mated : nonMated;
            kind[0]++;
            kind[1] += a.hit() ? 1 : 0;
            // Person i + 1 holds gallery finger i.
            matedRight += a.probe().mated() && Objects.equals(a.nationalPerson(), a.probe().mate() + 1L) ? 1 : 0;
        }
        System.out.printf("answers: hit for %d of %d mated probes (the national search named the finger's own"
                        + " person for %d), hit for %d of %d non-mated; differing from the national search: %d of %d%n",
                mated[1], mated[0], matedRight, nonMated[1], nonMated[0], wrong(), answers.size());
    }

    /** The scan must find what is certainly there, or its zero at the responder means nothing. */
    void printSelfCheck(ProbeTraces.Found atRequester) {
        System.out.printf("scan check: the requester's own store holds the templates of %d of %d probes sent (%s)%n",
                atRequester.probes().cardinality(), answers.size(), atRequester.where());
        if (atRequester.probes().cardinality() != answers.size()) {
            throw new IllegalStateException("the scan did not find every probe in the requester's outbox, where each"
                    + " is kept: its zero at the responder could not be trusted");
        }
    }

    void printSummary(ProbeTraces.Found tables, ProbeTraces.Found digests, long unerasedWires,
                      ProbeTraces.Found filesOpen, ProbeTraces.Found filesClosed, double loadBefore) {
        BitSet inInbox = tables.places().getOrDefault("exchange_inbox", new BitSet());
        long inRows = tables.probes().cardinality() + Math.max(0, unerasedWires - inInbox.cardinality());
        BitSet onlyInFiles = new BitSet();
        onlyInFiles.or(filesOpen.probes());
        onlyInFiles.or(filesClosed.probes());
        onlyInFiles.andNot(tables.probes());
        long retained = inRows + onlyInFiles.cardinality();
        System.out.printf("after their receipt, at the responder: probe envelopes not erased %d; templates in tables:"
                + " %s; in data-folder files while open: %s; after closing: %s%n", unerasedWires, tables.where(),
                filesOpen.where(), filesClosed.where());
        if (!filesOpen.probes().isEmpty() || !filesClosed.probes().isEmpty()) {
            System.out.printf("probes found in the responder's files, numbered in the order sent from 0 (of %d):"
                    + " while open %s, after closing %s%n", answers.size(), filesOpen.which(), filesClosed.which());
        }
        System.out.printf("probe digests outside %s (kept by design, not counted as probes): %s%n",
                ProbeTraces.DIGEST_KEPT, digests.where());
        double p99 = endToEnd.percentileMillis(99);
        double baselineP99 = baseline.percentileMillis(99);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("p99 %.0f ms: %.1fx the national search's p99 (%.1f ms), %s the %.0f ms target%n", p99,
                p99 / baselineP99, baselineP99, p99 <= HitNoHitBench.TARGET_P99_MILLIS ? "within" : "OVER",
                HitNoHitBench.TARGET_P99_MILLIS);
        System.out.printf("SUMMARY probes=%d wrong=%d retained=%d p50=%.1fms p99=%.1fms baseline-p50=%.1fms"
                        + " baseline-p99=%.1fms gallery=%d sent=%d ratio-p99=%.1f target-p99=%.0fms unerased=%d"
                        + " retained-rows=%d retained-files=%d load=%.1f..%.1f%n", answers.size() - warmUp, wrong(),
                retained, endToEnd.percentileMillis(50), p99, baseline.percentileMillis(50), baselineP99, gallery,
                answers.size(), p99 / baselineP99, HitNoHitBench.TARGET_P99_MILLIS, unerasedWires, inRows,
                onlyInFiles.cardinality(), loadBefore, loadAfter);
    }

    /** Answers whose hit or no-hit differs from the responder's own national search of the same probe. */
    long wrong() {
        return answers.stream().filter(a -> a.hit() != a.nationalHit() || !Objects.equals(a.outcome(),
                a.nationalHit() ? "hit" : "no-hit")).count();
    }

    private static void line(String label, int count, Latencies latencies) {
        System.out.printf("%-44s %6d %9.1f %9.1f %9.1f%n", label, count, latencies.percentileMillis(50),
                latencies.percentileMillis(95), latencies.percentileMillis(99));
    }
}
