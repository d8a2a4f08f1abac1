package org.ibex.bench;

import java.nio.file.Path;

/** Runs the benchmark from the command line during development (test classpath, so the other-scripts set is found). */
final class BenchRunner {
    public static void main(String[] args) {
        NameBenchmark.run(Path.of(args.length > 0 ? args[0] : "/work/shared/data/names"), 42L, System.out);
    }
}
