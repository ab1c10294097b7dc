package io.careledger.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.query.elasticsearch.ElasticsearchConfiguration;

/**
 * The benchmark: every figure against its raw part measured in the same run. See the README's "Benchmarks" and
 * {@code bench/RESULTS.md}. Run from the repository root after {@code mvn -B -q -DskipTests clean package}:
 * <pre>java -jar bench/target/careledger-bench.jar [--scale 1.0]</pre>
 */
public final class Bench {
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Bench() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            // The HTTP and Elasticsearch clients' threads would keep the JVM alive after a failed phase.
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (!Files.isRegularFile(options.serviceJar())) {
            throw new IllegalStateException("No service jar at " + options.serviceJar()
                    + ": run `mvn -B -q -DskipTests clean package` from the repository root first");
        }
        Path work = options.work() != null ? Files.createDirectories(options.work().toAbsolutePath())
                : Files.createTempDirectory("careledger-bench");
        Report report = new Report(options.out());
        Machine machine = Machine.describe();
        int customers = options.customers();
        DemoEvents.Counts counts = DemoEvents.counts(customers);
        report.header(machine.markdown(options, counts));
        say("Work directory %s; results go to %s", work, options.out());
        say("Scale %.3f: %,d customers, %,d events", options.scale(), customers, counts.events());
        List<Profile.Window> windows = new ArrayList<>();
        Path jfr = work.resolve("service.jfr");
        try {
            Phases.StartUp empty = Phases.startEmpty(options, work.resolve("empty"), work.resolve("service-empty.log"));
            long generationStart = System.nanoTime();
            Phases.generate(options, work.resolve("data"), work, customers);
            double generationSeconds = (System.nanoTime() - generationStart) / 1e9;
            say("Generated %,d events in %.0f s (%,.0f events/s, batched appends)", counts.events(), generationSeconds,
                    counts.events() / generationSeconds);

            Phases.Measured figures = new Phases.Measured();
            try (ServiceProcess service = ServiceProcess.start(options.serviceJar(), work.resolve("data"),
                    work.resolve("service.log"), jfr, options.serviceArgs())) {
                double ready = service.awaitReady(Duration.ofMinutes(5));
                say("Service ready in %.1f s with %,d events in its store", ready, counts.events());
                URI elasticsearchUrl = service.elasticsearch();
                ElasticsearchClient elasticsearch = ElasticsearchConfiguration.client(elasticsearchUrl);
                long servicePid = service.pid();
                long elasticsearchPid = service.elasticsearchPid();
                Phases phases = new Phases(options, service, elasticsearch, report, windows, servicePid,
                        elasticsearchPid);
                // The rebuild starts at once: it replays every event, which is also what the projections'
                // first catch-up with the generated store would do, so the run does that work once.
                phases.rebuild(counts);
                if (options.runs("query")) {
                    phases.queryLatency(customers);
                }
                if (options.runs("lag")) {
                    phases.projectionLag(customers);
                }
                if (options.runs("throughput")) {
                    phases.commandThroughput(customers, figures);
                }
                phases.startUp(empty, ready, generationSeconds, counts);
                service.close();
            }
            if (options.runs("throughput")) {
                Phases.rawAppends(options, work, figures, report);
            }
            if (Files.isRegularFile(jfr)) {
                Map<String, Profile.Summary> profile = Profile.summarize(jfr, windows);
                profile.forEach((phase, summary) -> {
                    try {
                        report.append(phase, "**Profile (JFR on the service JVM).** " + summary.markdown());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            say("Done: %s", options.out());
        } finally {
            if (!options.keep()) {
                deleteQuietly(work);
            }
        }
    }

    static void say(String format, Object... args) {
        System.out.printf("[%s] %s%n", CLOCK.format(Instant.now()), String.format(format, args));
        System.out.flush();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
