package io.careledger.command.eventstore.bench;

import io.careledger.command.eventstore.EventStorageEngineContract.Noted;
import io.careledger.command.eventstore.H2EventStore;
import io.careledger.command.eventstore.infra.kurrentdb.KurrentConnection;
import io.careledger.command.eventstore.infra.kurrentdb.KurrentEventStorageEngine;
import io.careledger.command.eventstore.infra.kurrentdb.testserver.KurrentTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Append and read throughput of both engines, same payloads, same run: the JDBC engine on an H2 file database
 * (the embedded default, commits written through) and the KurrentDB engine through the real client and gRPC on
 * loopback to the in-memory test server. Not a test and not run by the build; the KurrentDB figures measure the
 * client and engine, not a KurrentDB node's disk. Run from the repository root:
 * <pre>
 * mvn -o -q -pl command-side -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -cp "command-side/target/test-classes:command-side/target/classes:api/target/classes:$(cat command-side/target/bench.classpath)" \
 *     io.careledger.command.eventstore.bench.StorageEngineBenchmark [aggregates] [eventsPerAggregate]
 * </pre>
 */
public final class StorageEngineBenchmark {
    private static final Serializer JSON = Jackson3Serializer.builder().build();

    private StorageEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int aggregates = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int eventsPerAggregate = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<List<DomainEventMessage<Noted>>> workload = workload(aggregates, eventsPerAggregate);
        Path h2 = Files.createTempDirectory("careledger-bench-h2");
        DataSource dataSource = H2EventStore.dataSource("jdbc:h2:file:" + h2.resolve("events") + ";WRITE_DELAY=0");
        H2EventStore.createTables(dataSource);
        EventStorageEngine jdbc = H2EventStore.engine(new SpringDataSourceConnectionProvider(dataSource),
                new SpringTransactionManager(new DataSourceTransactionManager(dataSource)), JSON);
        try (KurrentTestServer server = new KurrentTestServer().start();
             KurrentConnection connection = new KurrentConnection(server.connectionString(), Duration.ofSeconds(10))) {
            EventStorageEngine kurrent = KurrentEventStorageEngine.builder().connection(connection)
                                                                  .eventSerializer(JSON).snapshotSerializer(JSON).build();
            // Warm both up on a workload of their own so class loading and JIT do not count.
            for (EventStorageEngine engine : List.of(jdbc, kurrent)) {
                run(engine, workload(50, eventsPerAggregate));
            }
            System.out.printf("%d aggregates x %d events, one event per append (a command), payload ~%d bytes%n",
                    aggregates, eventsPerAggregate, payloadSize(workload));
            report("JDBC/H2 file", run(jdbc, workload));
            report("KurrentDB (test server, loopback gRPC)", run(kurrent, workload));
        }
    }

    private record Result(int events, double appendSeconds, double globalReadSeconds, double streamReadSeconds) {
    }

    private static Result run(EventStorageEngine engine, List<List<DomainEventMessage<Noted>>> workload) {
        int events = workload.stream().mapToInt(List::size).sum();
        var head = engine.createHeadToken();
        double append = seconds(() -> {
            for (int sequence = 0; sequence < workload.get(0).size(); sequence++) {
                for (List<DomainEventMessage<Noted>> aggregate : workload) {
                    engine.appendEvents(aggregate.get(sequence));
                }
            }
            return null;
        });
        double global = seconds(() -> {
            try (Stream<?> read = engine.readEvents(head, false)) {
                long count = read.count();
                if (count != events) {
                    throw new IllegalStateException("read " + count + " of " + events + " events");
                }
            }
            return null;
        });
        double streams = seconds(() -> {
            for (List<DomainEventMessage<Noted>> aggregate : workload) {
                engine.readEvents(aggregate.get(0).getAggregateIdentifier()).asStream().count();
            }
            return null;
        });
        return new Result(events, append, global, streams);
    }

    private static void report(String engine, Result result) {
        System.out.printf("%-40s append %,8.0f events/s | read $all/global %,8.0f events/s | read aggregate streams %,8.0f events/s%n",
                engine, result.events() / result.appendSeconds(), result.events() / result.globalReadSeconds(),
                result.events() / result.streamReadSeconds());
    }

    private static double seconds(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<List<DomainEventMessage<Noted>>> workload(int aggregates, int eventsPerAggregate) {
        List<List<DomainEventMessage<Noted>>> workload = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            String id = UUID.randomUUID().toString();
            List<DomainEventMessage<Noted>> events = new ArrayList<>();
            for (int sequence = 0; sequence < eventsPerAggregate; sequence++) {
                events.add(new GenericDomainEventMessage<>("ComplaintAggregate", id, sequence,
                        new Noted(id, "顾客反映生日蛋糕发霉，已致歉并约定48小时内回电 — contact " + sequence),
                        Map.of("actor", "agent-" + (a % 20), "channel", "HOTLINE",
                                "correlationId", UUID.randomUUID().toString(), "causationId", UUID.randomUUID().toString())));
            }
            workload.add(events);
        }
        return workload;
    }

    private static int payloadSize(List<List<DomainEventMessage<Noted>>> workload) {
        return JSON.serialize(workload.get(0).get(0).getPayload(), byte[].class).getData().length;
    }
}
