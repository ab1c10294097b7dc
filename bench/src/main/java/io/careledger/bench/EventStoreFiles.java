package io.careledger.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.careledger.api.common.EventName;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * H2 event stores set up the way the service sets up its own: the URL of the embedded default (file, written
 * through), the service's Flyway migration taken from the packaged jar (so the service later finds its schema
 * history and migrates nothing), a Hikari pool, Axon's JDBC engine with conflicts told by SQL state, and events
 * stored as Jackson 3 JSON under their stable names.
 */
final class EventStoreFiles {
    private EventStoreFiles() {
    }

    /** The H2 URL the service derives from {@code careledger.data-dir}. */
    static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("h2").resolve("careledger")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    static HikariDataSource open(String url, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

    /** Runs the service's own H2 migration (read from its jar) on an empty database. */
    static void migrate(HikariDataSource dataSource, Path serviceJar, Path scratch) {
        Path migrations = scratch.resolve("migration-h2");
        try (JarFile jar = new JarFile(serviceJar.toFile())) {
            Files.createDirectories(migrations);
            String prefix = "BOOT-INF/classes/db/migration/h2/";
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".sql")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, migrations.resolve(entry.getName().substring(prefix.length())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the migrations from " + serviceJar, e);
        }
        Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations).load().migrate();
    }

    static JdbcEventStorageEngine engine(HikariDataSource dataSource) {
        Serializer serializer = serializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }

    /** How the bench's engine writes payloads and metadata: Jackson 3 JSON under stable names. */
    static Serializer serializer() {
        return new StableNames(Jackson3Serializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(EventStoreFiles.class.getClassLoader()))
                .build());
    }

    /**
     * Writes events under their {@code @EventName}, as the service's serializer does; the bench only writes, so
     * reading by name is not needed here.
     */
    private record StableNames(Serializer delegate) implements Serializer {
        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            SerializedObject<T> serialized = delegate.serialize(object, expectedRepresentation);
            return object == null ? serialized : new SimpleSerializedObject<>(serialized.getData(),
                    serialized.getContentType(), typeForClass(object.getClass()));
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return delegate.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            return delegate.deserialize(serializedObject);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            return delegate.classForType(type);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public SerializedType typeForClass(Class type) {
            SerializedType delegated = delegate.typeForClass(type);
            EventName name = (EventName) type.getAnnotation(EventName.class);
            return name == null ? delegated : new SimpleSerializedType(name.value(), delegated.getRevision());
        }

        @Override
        public Converter getConverter() {
            return delegate.getConverter();
        }
    }
}
