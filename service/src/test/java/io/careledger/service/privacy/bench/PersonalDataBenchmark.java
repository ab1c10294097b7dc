package io.careledger.service.privacy.bench;

import com.zaxxer.hikari.HikariDataSource;

import io.careledger.api.common.Channel;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.NoteCategory;
import io.careledger.api.customer.ProfileNoteRecorded;
import io.careledger.api.customer.Tier;
import io.careledger.service.config.EventNames;
import io.careledger.service.config.StableEventNameSerializer;
import io.careledger.service.privacy.CustomerKeyStore;
import io.careledger.service.privacy.PersonalDataCipher;
import io.careledger.service.privacy.PersonalDataSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * What sealing personal fields costs: 10,000 customer events (1,000 customers, a registration and 9 notes each)
 * serialized and deserialized by the plain event serializer and by {@link PersonalDataSerializer}, keys in an H2
 * file table: once with a cold key cache (every customer's key made, in a transaction of its own, as on a first
 * write), then the fastest of five runs with the keys cached, and the same for the plain serializer. Not a test
 * and not run by the build. From the repository root:
 * <pre>
 * mvn -o -q -pl service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -cp "service/target/test-classes:service/target/classes:api/target/classes:command-side/target/classes:query-side/target/classes:$(cat service/target/bench.classpath)" \
 *     io.careledger.service.privacy.bench.PersonalDataBenchmark
 * </pre>
 */
public final class PersonalDataBenchmark {
    private static final int CUSTOMERS = 1_000;
    private static final int EVENTS_PER_CUSTOMER = 10;

    private PersonalDataBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Serializer json = Jackson3Serializer.builder().revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(PersonalDataBenchmark.class.getClassLoader())).build();
        Serializer plain = new StableEventNameSerializer(json, EventNames.scan("io.careledger.api"));
        Path directory = Files.createTempDirectory("careledger-bench-keys");
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + directory.resolve("keys") + ";WRITE_DELAY=0");
        new JdbcTemplate(dataSource).execute(Files.readString(
                Path.of("service/src/main/resources/db/migration/h2/V3__customer_keys.sql")));
        CustomerKeyStore keys = new CustomerKeyStore(new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource), new PersonalDataCipher(), Clock.systemUTC(),
                Duration.ofMinutes(5), 10_000);
        Serializer sealing = new PersonalDataSerializer(plain, keys, new PersonalDataCipher());

        // Warm-up on customers of their own, so class loading and JIT do not count.
        for (int round = 0; round < 3; round++) {
            run(plain, events("warm-" + round));
            run(sealing, events("warm-" + round));
        }
        List<Object> events = events("bench");
        keys.clearCache();
        long[] coldNanos = run(sealing, events);
        long[] plainNanos = best(plain, events);
        long[] warmNanos = best(sealing, events);
        report("plain (no sealing)", plainNanos, events.size());
        report("sealed, keys made / read from H2 (cold cache)", coldNanos, events.size());
        report("sealed, keys cached (warm)", warmNanos, events.size());
        dataSource.close();
    }

    private static List<Object> events(String prefix) {
        List<Object> events = new ArrayList<>();
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        for (int c = 0; c < CUSTOMERS; c++) {
            CustomerId id = CustomerId.of(prefix + "-" + c);
            events.add(new CustomerRegistered(id, "王芳 Wang Fang " + c, "1381234" + String.format("%04d", c),
                    "wang." + c + "@example.com", Gender.FEMALE, LocalDate.of(1990, 4, 30), StoreId.of("SH-001"),
                    Channel.STORE_DESK, Set.of(ConsentPurpose.DATA_PROCESSING), "上海市南京路 " + c + " 号", "M",
                    ContactChannel.SMS, Tier.MEMBER, StaffId.of("agent"), at));
            for (int n = 1; n < EVENTS_PER_CUSTOMER; n++) {
                events.add(new ProfileNoteRecorded(id, NoteCategory.STYLE, "喜欢简约风格 likes a minimalist style " + n,
                        StaffId.of("agent"), at));
            }
        }
        return events;
    }

    /** The fastest of five runs, each phase on its own. */
    private static long[] best(Serializer serializer, List<Object> events) {
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < 5; round++) {
            long[] nanos = run(serializer, events);
            best[0] = Math.min(best[0], nanos[0]);
            best[1] = Math.min(best[1], nanos[1]);
        }
        return best;
    }

    /** @return nanoseconds to serialize all, then to deserialize all */
    private static long[] run(Serializer serializer, List<Object> events) {
        List<SerializedObject<byte[]>> stored = new ArrayList<>(events.size());
        long start = System.nanoTime();
        for (Object event : events) {
            stored.add(serializer.serialize(event, byte[].class));
        }
        long serialized = System.nanoTime();
        for (SerializedObject<byte[]> object : stored) {
            if (serializer.deserialize(object) == null) {
                throw new IllegalStateException("nothing read");
            }
        }
        return new long[] {serialized - start, System.nanoTime() - serialized};
    }

    private static void report(String name, long[] nanos, int count) {
        System.out.printf("%-48s serialize %6d ms (%5.1f µs/event)   deserialize %6d ms (%5.1f µs/event)%n", name,
                nanos[0] / 1_000_000, nanos[0] / 1_000.0 / count, nanos[1] / 1_000_000, nanos[1] / 1_000.0 / count);
    }
}
