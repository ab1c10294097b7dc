package io.careledger.query.elasticsearch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.sun.security.auth.module.UnixSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node run next to the service, so the embedded default run and the tests need neither
 * Docker nor a separately installed search server. It runs the distribution found at a home directory as a
 * daemon on free loopback ports and keeps everything it writes under one data directory, which survives
 * restarts:
 * <pre>
 *   data/  logs/  tmp/     the node's own paths
 *   config/                the distribution's configuration, copied afresh on every start (our settings
 *                          travel as -E flags; the keystore the node creates there is kept)
 *   elasticsearch.pid      the running node, removed by the node when it stops
 *   launcher.log           what the launcher printed while starting
 * </pre>
 * Elasticsearch refuses to run as root. When this process is root (CI containers are) the node runs as the
 * unprivileged user 65534 ("nobody"), which then owns the data directory.
 * <p>
 * A node left behind by a run that died without stopping it would hold the data directory's lock, so
 * {@link #start()} first stops whatever node the pid file names, if it runs from this data directory.
 */
public final class ManagedElasticsearch {
    private static final Logger log = LoggerFactory.getLogger(ManagedElasticsearch.class);
    private static final int UNPRIVILEGED_ID = 65534;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration HEALTH_POLL = Duration.ofMillis(250);
    private static final int TAIL_BYTES = 6_000;

    private final Path distributionHome;
    private final Path dataDir;
    private final Path javaHome;
    private final String heap;
    private final Duration startTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private URI url;
    private Thread shutdownHook;
    /** Why a start begun by {@link #startInBackground()} failed, for {@link #start()} to report. */
    private RuntimeException backgroundFailure;
    /** Set by {@link #stop()}, so that a background start that has not begun yet does not begin after it. */
    private boolean stopRequested;

    /**
     * @param javaHome a JDK 21 or newer for the node; null to find one (see {@link JdkLocator})
     */
    public ManagedElasticsearch(Path distributionHome, Path dataDir, Path javaHome, String heap, Duration startTimeout) {
        this.distributionHome = distributionHome.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.javaHome = javaHome;
        this.heap = Objects.requireNonNull(heap, "heap");
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
    }

    public static ManagedElasticsearch of(ElasticsearchProperties properties) {
        if (properties.distributionHome() == null) {
            throw new IllegalStateException("Neither careledger.elasticsearch.url nor careledger.elasticsearch."
                    + "distribution-home is set: point url at a cluster, or distribution-home at an unpacked "
                    + "Elasticsearch 9 distribution for the service to run itself");
        }
        return new ManagedElasticsearch(properties.distributionHome(), properties.dataDir(), properties.javaHome(),
                properties.heap(), properties.startTimeout());
    }

    /**
     * Begins {@link #start()} on a thread of its own and returns at once, so that the node starts while the
     * service builds the rest of its context; a later {@link #start()} waits for it (the lock) and reports its
     * failure. Measured with the bench on an empty data directory: the node's start took 16 of the service's 45 s,
     * on the main thread, after the 12 s the context spent on classes, the web server, the database and Axon, none
     * of which needs the node.
     */
    public void startInBackground() {
        Thread starting = new Thread(() -> {
            synchronized (this) {
                if (stopRequested) {
                    return;
                }
                try {
                    start();
                } catch (RuntimeException failure) {
                    backgroundFailure = failure;
                }
            }
        }, "elasticsearch-start");
        starting.setDaemon(true);
        starting.start();
    }

    /** Starts the node and waits until its cluster health is yellow or green; does nothing if it runs. */
    public synchronized void start() {
        stopRequested = false;
        if (url != null) {
            return;
        }
        if (backgroundFailure != null) {
            RuntimeException failure = backgroundFailure;
            backgroundFailure = null;
            throw failure;
        }
        Path launcher = distributionHome.resolve("bin").resolve("elasticsearch");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("No Elasticsearch distribution at " + distributionHome + ": "
                    + launcher + " is missing or not executable");
        }
        Path java = JdkLocator.locate(javaHome);
        long began = System.nanoTime();
        long deadline = began + startTimeout.toNanos();
        try {
            prepareDirectories();
            stopNode();
            int[] ports = freeLoopbackPorts(2);
            launch(launcher, java, ports[0], ports[1], deadline);
            URI started = URI.create("http://127.0.0.1:" + ports[0]);
            awaitHealthy(started, deadline);
            url = started;
        } catch (IOException e) {
            stopNode();
            throw new UncheckedIOException("Could not start Elasticsearch with its data in " + dataDir, e);
        } catch (InterruptedException e) {
            stopNode();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Elasticsearch", e);
        } catch (RuntimeException e) {
            stopNode();
            throw e;
        }
        shutdownHook = new Thread(this::stop, "elasticsearch-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        log.info("Elasticsearch started at {} in {} ms, data in {}", url,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), dataDir);
    }

    /** Stops the node and waits for it to exit; does nothing if it does not run. */
    public synchronized void stop() {
        stopRequested = true;
        if (url == null) {
            return;
        }
        stopNode();
        url = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Called from the hook itself: the JVM is already on its way out.
        }
        log.info("Elasticsearch stopped, data kept in {}", dataDir);
    }

    public synchronized boolean isRunning() {
        return url != null;
    }

    /** The node's HTTP address. */
    public synchronized URI url() {
        if (url == null) {
            throw new IllegalStateException("Elasticsearch is not running");
        }
        return url;
    }

    public Path dataDir() {
        return dataDir;
    }

    private void prepareDirectories() throws IOException {
        for (String dir : List.of("data", "logs", "tmp")) {
            Files.createDirectories(dataDir.resolve(dir));
        }
        Path source = distributionHome.resolve("config");
        Path target = dataDir.resolve("config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, REPLACE_EXISTING);
                }
            }
        }
        if (isRoot()) {
            letOthersPassThroughTo(distributionHome);
            letOthersPassThroughTo(dataDir);
            handOverToUnprivilegedUser();
        }
    }

    /**
     * The unprivileged user must be able to walk down to the distribution and to the data. A directory on the
     * way that lets no one else pass (a 700 temporary or home directory, say) gets o+x: others may then pass
     * through it to what lies below, but still not list or read it.
     */
    private static void letOthersPassThroughTo(Path target) throws IOException {
        for (Path dir = target.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(dir));
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(dir, permissions);
                log.warn("Let other users pass through {} (o+x) so that Elasticsearch, which refuses to run as root, "
                        + "can reach {}", dir, target);
            }
        }
    }

    private void handOverToUnprivilegedUser() throws IOException {
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (!Objects.equals(Files.getAttribute(path, "unix:uid", NOFOLLOW_LINKS), UNPRIVILEGED_ID)) {
                    Files.setAttribute(path, "unix:uid", UNPRIVILEGED_ID, NOFOLLOW_LINKS);
                    Files.setAttribute(path, "unix:gid", UNPRIVILEGED_ID, NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** Runs the launcher in daemon mode, which returns once the node has started or failed to. */
    private void launch(Path launcher, Path java, int httpPort, int transportPort, long deadline)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID,
                    "--clear-groups"));
        }
        command.addAll(List.of(launcher.toString(), "-d", "-p", pidFile().toString(),
                "-E", "discovery.type=single-node",
                "-E", "xpack.security.enabled=false",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + httpPort,
                "-E", "transport.port=" + transportPort,
                "-E", "path.data=" + dataDir.resolve("data"),
                "-E", "path.logs=" + dataDir.resolve("logs"),
                // A nearly full developer disk must not turn the read models read-only.
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(launcherLog().toFile());
        Map<String, String> environment = builder.environment();
        environment.put("ES_JAVA_HOME", java.toString());
        environment.put("ES_PATH_CONF", dataDir.resolve("config").toString());
        environment.put("ES_TMPDIR", dataDir.resolve("tmp").toString());
        environment.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        // Agents and options meant for this JVM are not meant for the node's.
        environment.remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
            process.destroyForcibly();
            throw failure("did not start within " + startTimeout);
        }
        if (process.exitValue() != 0) {
            throw failure("failed to start (launcher exit code " + process.exitValue() + ")");
        }
    }

    private void awaitHealthy(URI node, long deadline) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(node.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (remaining(deadline) > 0) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // retried until the deadline
            }
            Thread.sleep(HEALTH_POLL.toMillis());
        }
        throw failure("did not report yellow or green cluster health within " + startTimeout);
    }

    /** Stops the node the pid file names, if it runs from this data directory, and waits for it to exit. */
    private void stopNode() {
        Optional<ProcessHandle> node = readPidFile()
                .flatMap(ProcessHandle::of)
                .filter(process -> process.info().commandLine().map(line -> line.contains(dataDir.toString()))
                        .orElse(false));
        node.ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.warn("Elasticsearch (pid {}) did not stop within {}; killing it", process.pid(), STOP_GRACE);
                process.destroyForcibly();
                process.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not wait for Elasticsearch to stop", e);
            }
        });
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Long> readPidFile() {
        try {
            return Files.isRegularFile(pidFile())
                    ? Optional.of(Long.parseLong(Files.readString(pidFile()).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private IllegalStateException failure(String problem) {
        Path serverLog = dataDir.resolve("logs").resolve("elasticsearch.log");
        return new IllegalStateException("Elasticsearch from " + distributionHome + " " + problem
                + "\n--- end of " + launcherLog() + " ---\n" + tail(launcherLog())
                + "\n--- end of " + serverLog + " ---\n" + tail(serverLog));
    }

    private Path pidFile() {
        return dataDir.resolve("elasticsearch.pid");
    }

    private Path launcherLog() {
        return dataDir.resolve("launcher.log");
    }

    private static String tail(Path file) {
        if (!Files.isRegularFile(file)) {
            return "(no such file)";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long from = Math.max(0, channel.size() - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - from));
            channel.position(from);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // fill the buffer
            }
            return new String(buffer.array(), 0, buffer.position(), UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    private static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    private static int[] freeLoopbackPorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
