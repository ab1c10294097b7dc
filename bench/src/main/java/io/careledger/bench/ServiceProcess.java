package io.careledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service, started as the README says ({@code java -Xmx1g -jar service/target/careledger-service.jar}) on a
 * data directory and a free port of the bench's choosing, with a flight recording for the profile notes. Its
 * output goes to a log file, where the managed Elasticsearch's address is read from the line the service logs
 * when the node has started.
 */
final class ServiceProcess implements AutoCloseable {
    /**
     * The JVM options of the README's start command ({@code java -Xmx1g -jar service/target/careledger-service.jar}),
     * so that what is measured is what is documented; change both together.
     */
    static final List<String> START_OPTIONS = List.of("-Xmx1g");
    private static final Pattern ELASTICSEARCH_STARTED = Pattern.compile("Elasticsearch started at (http://\\S+)");

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final URI url;
    private final long startedNanos;
    private long readyNanos;

    private ServiceProcess(Process process, Path dataDir, Path log, URI url, long startedNanos) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.url = url;
        this.startedNanos = startedNanos;
    }

    /**
     * @param jfr where the flight recording is written when the service exits; null for none
     */
    static ServiceProcess start(Path jar, Path dataDir, Path log, Path jfr, List<String> extraArgs) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(START_OPTIONS);
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("-jar", jar.toString(), "--careledger.data-dir=" + dataDir, "--server.port=" + port));
        command.addAll(extraArgs);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceProcess(process, dataDir, log, URI.create("http://127.0.0.1:" + port), started);
    }

    /** Waits until {@code /actuator/health} says UP. */
    double awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(url.resolve("/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    readyNanos = System.nanoTime();
                    return (readyNanos - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The service was not ready within " + timeout + "; see " + log);
    }

    URI url() {
        return url;
    }

    /** The managed Elasticsearch node's address, as the service logged it. */
    URI elasticsearch() throws IOException {
        Matcher found = ELASTICSEARCH_STARTED.matcher(Files.readString(log));
        if (!found.find()) {
            throw new IllegalStateException("No 'Elasticsearch started at' line in " + log);
        }
        return URI.create(found.group(1));
    }

    long pid() {
        return process.pid();
    }

    /** The managed node's pid, from the pid file the node writes into its data directory. */
    long elasticsearchPid() throws IOException {
        return Long.parseLong(Files.readString(dataDir.resolve("elasticsearch").resolve("elasticsearch.pid")).trim());
    }

    /** Stops the service the way Ctrl-C does (SIGTERM), so it stops its node and writes its flight recording. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Peak resident set size (VmHWM) in MiB, or empty once the process is gone. */
    static OptionalLong peakRssMib(long pid) {
        return procStatus(pid, "VmHWM:").stream().mapToLong(kib -> kib / 1024).findFirst();
    }

    /** CPU seconds (user + system) the process has used so far. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
    }

    private static List<Long> procStatus(long pid, String key) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]))
                    .toList();
        } catch (IOException gone) {
            return List.of();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
