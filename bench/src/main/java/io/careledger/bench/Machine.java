package io.careledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The machine and the moment the figures belong to. */
record Machine(String cpu, int cores, long memoryMib, String loadAverage, String jdk, String kernel, String commit,
               Instant date) {

    static Machine describe() {
        return new Machine(
                firstLine(Path.of("/proc/cpuinfo"), "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .orElse("unknown"),
                Runtime.getRuntime().availableProcessors(),
                firstLine(Path.of("/proc/meminfo"), "MemTotal").map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                        .orElse(-1L),
                read(Path.of("/proc/loadavg")).map(load -> String.join(" ", List.of(load.split(" ")).subList(0, 3)))
                        .orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                read(Path.of("/proc/sys/kernel/osrelease")).map(String::strip).orElse("unknown"),
                gitCommit(),
                Instant.now());
    }

    String markdown(Options options, DemoEvents.Counts counts) {
        return """
                # CareLedger benchmark results

                Written by the bench harness (`bench/`); every figure is set against its raw part measured in the same run,
                so a busy machine still compares. Regenerate with (from the repository root):

                ```bash
                mvn -B -q -DskipTests clean package && java -jar bench/target/careledger-bench.jar --scale %s%s
                ```

                | | |
                |---|---|
                | date (UTC) | %s |
                | commit | `%s` |
                | scale | %s: %,d customers, %,d generated events (%,d cases, %,d care tasks) |
                | machine | %s, %d cores, %,d MiB RAM, Linux %s |
                | load average at start (1, 5, 15 min) | %s |
                | service and bench JDK | %s |
                | Elasticsearch | the service's managed node (the packaged 9.x distribution, 512 MiB heap, its own JDK ≥ 21) |
                | clients | %d concurrent GraphQL clients (HTTP/1.1, Basic auth as `agent`), one bench JVM |
                """.formatted(options.scale(), options.serviceArgs().isEmpty() ? ""
                        : " --service-arg " + String.join(" --service-arg ", options.serviceArgs()), DateTimeFormatter.ISO_INSTANT.format(date.atOffset(ZoneOffset.UTC)
                        .withNano(0).toInstant()), commit, options.scale(), counts.customers(), counts.events(),
                counts.cases(), counts.careTasks(), cpu, cores, memoryMib, kernel, loadAverage, jdk, Options.CLIENTS);
    }

    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static Optional<String> firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
