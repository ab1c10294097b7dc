package io.careledger.command.eventstore.infra.kurrentdb.testserver;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.proto.serverfeatures.ServerFeaturesGrpc;
import io.kurrent.dbclient.proto.serverfeatures.Serverfeatures;
import io.kurrent.dbclient.proto.shared.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A KurrentDB stand-in for tests: a real gRPC server (Netty, on 127.0.0.1, an ephemeral port) implementing the
 * services the KurrentDB Java client 1.1 calls, on the stubs in the client's own jar. The real client connects to it
 * with an ordinary connection string ({@link #connectionString()}).
 * <p>
 * What it keeps exactly as KurrentDB documents it:
 * <ul>
 * <li>the order of {@code $all}: the order in which appends were accepted, positions growing with gaps, commit
 * equal to prepare position;</li>
 * <li>expected-revision semantics of an append ({@code noStream}, {@code any}, {@code streamExists}, a revision),
 * a conflict answered with the stream's current revision, and the idempotent repeat of an append (same ids right
 * after the expected revision succeed without writing twice);</li>
 * <li>an append as one atomic batch; reads of a stream forwards and backwards from a revision with a count, and
 * "stream not found" for a missing stream;</li>
 * <li>catch-up subscriptions to {@code $all} from the start, a position (exclusive) or the end, with
 * stream-name and event-type filters (regular expression or prefixes), checkpoints, "caught up", then live events,
 * honouring the client's flow control;</li>
 * <li>{@code ServerFeatures} (version 25.0.0, no batch or multi-stream append), so the client uses the plain
 * append;</li>
 * <li>a system record ({@code $stats-…}) at the start of the log, as a node writes its statistics.</li>
 * </ul>
 * What it does not emulate: TLS and authentication, ACLs and the {@code $…}-stream write restrictions, gossip and
 * clusters (leader election, "not leader" redirects, follower reads), persistent subscriptions, projections,
 * stream deletion and tombstones, stream metadata ({@code $maxCount}, {@code $maxAge}, truncation), link events,
 * batch and multi-stream appends, the maximum append and record sizes, the idempotency check of appends with
 * {@code any}, subscriptions to a single stream, the "fell behind" notice of a slow subscriber, scavenging, and
 * durability (the log lives in memory, kept across {@link #stop()} and {@link #start()} only).
 */
public final class KurrentTestServer implements AutoCloseable {
    private static final int MAX_MESSAGE = 17 * 1024 * 1024;

    private final TestLog log = new TestLog();
    private final ExecutorService readers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "kurrent-test-server-read");
        thread.setDaemon(true);
        return thread;
    });
    private int port;
    private Server server;

    public KurrentTestServer() {
        log.append("$stats-127.0.0.1:2113", TestLog.Expected.ANY, List.of(new TestLog.Proposed(UUID.randomUUID(),
                "$statsCollected", "application/json", "{}".getBytes(), new byte[0])));
    }

    /** Starts serving: on a new ephemeral port the first time, on the same port after a {@link #stop()}. */
    public synchronized KurrentTestServer start() {
        if (server != null) {
            return this;
        }
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                                       .maxInboundMessageSize(MAX_MESSAGE)
                                       // The client pings every 10 s; a node accepts that, gRPC's default would not.
                                       .permitKeepAliveTime(1, TimeUnit.SECONDS)
                                       .permitKeepAliveWithoutCalls(true)
                                       .addService(new TestStreamsService(log, readers))
                                       .addService(new Features())
                                       .build()
                                       .start();
        } catch (IOException e) {
            throw new UncheckedIOException("The KurrentDB test server could not listen on port " + port, e);
        }
        port = server.getPort();
        return this;
    }

    /** Drops every connection and stops listening, as a crashed or restarting node does. The data stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        try {
            server.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    /** The data of every record of {@code stream} as the server keeps it, oldest first: for tests of stored bytes. */
    public List<byte[]> recordedData(String stream) {
        List<TestLog.Stored> records = log.stream(stream);
        return records == null ? List.of() : records.stream().map(TestLog.Stored::data).toList();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    /** Plain text, one node: what the client needs to reach this server. */
    public String connectionString() {
        return "kurrentdb://127.0.0.1:" + port + "?tls=false";
    }

    @Override
    public void close() {
        stop();
        readers.shutdownNow();
    }

    private static final class Features extends ServerFeaturesGrpc.ServerFeaturesImplBase {
        @Override
        public void getSupportedMethods(Shared.Empty request, StreamObserver<Serverfeatures.SupportedMethods> response) {
            Serverfeatures.SupportedMethods.Builder methods = Serverfeatures.SupportedMethods.newBuilder()
                    .setEventStoreServerVersion("25.0.0");
            for (String method : List.of("read", "append")) {
                methods.addMethods(Serverfeatures.SupportedMethod.newBuilder().setMethodName(method)
                        .setServiceName("event_store.client.streams.streams"));
            }
            response.onNext(methods.build());
            response.onCompleted();
        }
    }
}
