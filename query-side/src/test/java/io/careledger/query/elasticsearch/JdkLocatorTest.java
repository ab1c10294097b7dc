package io.careledger.query.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTest {
    @TempDir
    Path jvms;

    @Test
    void readsTheMajorVersionFromTheReleaseFile() throws IOException {
        assertThat(JdkLocator.featureVersion(jdk("temurin-25", "25.0.3"))).isEqualTo(25);
        assertThat(JdkLocator.featureVersion(jdk("jdk-21", "21"))).isEqualTo(21);
        assertThat(JdkLocator.featureVersion(jdk("java-8", "1.8.0_292"))).isEqualTo(8);
        assertThat(JdkLocator.featureVersion(Files.createDirectories(jvms.resolve("not-a-jdk")))).isZero();
    }

    @Test
    void picksTheNewestJdkThatElasticsearchCanRunOn() throws IOException {
        jdk("java-17-openjdk", "17.0.15");
        jdk("jdk-21", "21.0.4");
        Path newest = jdk("temurin-25", "25.0.3");

        assertThat(JdkLocator.newest(jvms)).contains(newest);
    }

    @Test
    void findsNothingTooOld() throws IOException {
        jdk("java-17-openjdk", "17.0.15");

        assertThat(JdkLocator.newest(jvms)).isEmpty();
        assertThat(JdkLocator.newest(jvms.resolve("absent"))).isEmpty();
    }

    @Test
    void aConfiguredJdkMustBeNewEnough() throws IOException {
        Path old = jdk("java-17-openjdk", "17.0.15");
        Path current = jdk("temurin-25", "25.0.3");

        assertThat(JdkLocator.locate(current)).isEqualTo(current);
        assertThatThrownBy(() -> JdkLocator.locate(old))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("careledger.elasticsearch.java-home")
                .hasMessageContaining("21");
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name).resolve("bin"));
        Path java = Files.createFile(home.resolve("java"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(java.getParent().getParent().resolve("release"),
                "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return java.getParent().getParent();
    }
}
