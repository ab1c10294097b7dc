package io.careledger.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bench's command line: {@code --scale 1.0} (100,000 customers, about 1,000,000 events), {@code --out},
 * {@code --service-jar}, {@code --work}, {@code --seconds} (measured throughput window), {@code --lag-cases},
 * {@code --queries}, {@code --keep} (keep the work directory), {@code --service-arg --name=value} (repeatable: passed
 * to the service, e.g. to try a processor setting), {@code --phases query,lag,throughput} (the measured phases
 * after the rebuild, all by default; the rebuild always runs, since it is what brings the projections up to the
 * generated store).
 */
record Options(double scale, Path out, Path serviceJar, Path work, int seconds, int lagCases, int queries,
               boolean keep, List<String> serviceArgs, Set<String> phases) {
    static final int FULL_CUSTOMERS = 100_000;
    static final int CLIENTS = 8;
    static final Set<String> ALL_PHASES = Set.of("query", "lag", "throughput");

    static Options parse(String[] args) {
        double scale = 1.0;
        Path out = Path.of("bench", "RESULTS.md");
        Path jar = Path.of("service", "target", "careledger-service.jar");
        Path work = null;
        Integer seconds = null;
        Integer lagCases = null;
        Integer queries = null;
        boolean keep = false;
        List<String> serviceArgs = new ArrayList<>();
        Set<String> phases = ALL_PHASES;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--service-jar" -> jar = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--lag-cases" -> lagCases = Integer.parseInt(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                case "--service-arg" -> serviceArgs.add(args[++i]);
                case "--phases" -> phases = Set.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; options: --scale 1.0 "
                        + "--out bench/RESULTS.md --service-jar service/target/careledger-service.jar --work DIR "
                        + "--seconds 30 --lag-cases 2000 --queries 1000 --keep --service-arg --name=value --phases query,lag,throughput");
            }
        }
        if (!ALL_PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("--phases takes a comma-separated subset of " + ALL_PHASES);
        }
        if (scale <= 0 || scale > 10) {
            throw new IllegalArgumentException("--scale must be in (0, 10]");
        }
        return new Options(scale, out.toAbsolutePath(), jar.toAbsolutePath(), work,
                seconds != null ? seconds : scale >= 0.5 ? 30 : 10,
                lagCases != null ? lagCases : Math.max(100, (int) Math.round(2000 * scale)),
                queries != null ? queries : Math.max(200, (int) Math.round(1000 * Math.min(1, scale * 4))),
                keep, List.copyOf(serviceArgs), phases);
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    int customers() {
        return (int) Math.round(FULL_CUSTOMERS * scale);
    }
}
