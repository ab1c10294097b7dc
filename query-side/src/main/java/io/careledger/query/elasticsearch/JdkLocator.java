package io.careledger.query.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK for the managed Elasticsearch node. The integ-test distribution ships without a bundled JDK
 * and Elasticsearch 9 needs 21 or newer, while the service itself may run on 17, so the node's JDK is
 * looked for separately: the configured one, then {@code ES_JAVA_HOME}, then the JDK running this service,
 * then the newest under {@code /usr/lib/jvm}.
 */
final class JdkLocator {
    private static final int MINIMUM_VERSION = 21;
    private static final Path SYSTEM_JDKS = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    private JdkLocator() {
    }

    static Path locate(Path configured) {
        if (configured != null) {
            if (featureVersion(configured) < MINIMUM_VERSION) {
                throw new IllegalStateException("careledger.elasticsearch.java-home=" + configured
                        + " is not a JDK " + MINIMUM_VERSION + " or newer, which Elasticsearch 9 needs");
            }
            return configured;
        }
        String fromEnvironment = System.getenv("ES_JAVA_HOME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()
                && featureVersion(Path.of(fromEnvironment)) >= MINIMUM_VERSION) {
            return Path.of(fromEnvironment);
        }
        if (Runtime.version().feature() >= MINIMUM_VERSION) {
            return Path.of(System.getProperty("java.home"));
        }
        return newest(SYSTEM_JDKS).orElseThrow(() -> new IllegalStateException(
                "Elasticsearch 9 needs a JDK " + MINIMUM_VERSION + " or newer and none was found (looked at "
                        + "ES_JAVA_HOME, this JVM (" + Runtime.version().feature() + ") and " + SYSTEM_JDKS
                        + "): install one or set careledger.elasticsearch.java-home"));
    }

    /** The newest JDK directly under {@code root} that is at least {@link #MINIMUM_VERSION}. */
    static Optional<Path> newest(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(root)) {
            return homes.filter(home -> featureVersion(home) >= MINIMUM_VERSION)
                    .max(Comparator.comparingInt(JdkLocator::featureVersion).thenComparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The major version a JDK's {@code release} file declares; 0 when it is no JDK. */
    static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return 0;
        }
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(release));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
