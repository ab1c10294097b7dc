package io.careledger.command.eventstore.infra.kurrentdb.testserver;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.proto.shared.Shared;
import io.kurrent.dbclient.proto.streams.StreamsGrpc;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadResp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code Streams} gRPC service over a {@link TestLog}: append, reads of a stream and of {@code $all} in both
 * directions, and catch-up subscriptions to {@code $all} with stream-name and event-type filters. Every read runs on
 * a thread of its own and honours the client's flow control (it sends only while the call is ready).
 */
final class TestStreamsService extends StreamsGrpc.StreamsImplBase {
    private static final long LIVE_WAIT_MILLIS = 200;

    private final TestLog log;
    private final ExecutorService readers;

    TestStreamsService(TestLog log, ExecutorService readers) {
        this.log = log;
        this.readers = readers;
    }

    @Override
    public StreamObserver<AppendReq> append(StreamObserver<AppendResp> response) {
        return new StreamObserver<>() {
            private AppendReq.Options options;
            private final List<TestLog.Proposed> events = new ArrayList<>();

            @Override
            public void onNext(AppendReq request) {
                if (request.hasOptions()) {
                    options = request.getOptions();
                } else {
                    AppendReq.ProposedMessage message = request.getProposedMessage();
                    events.add(new TestLog.Proposed(uuid(message.getId()), message.getMetadataOrThrow("type"),
                            message.getMetadataOrDefault("content-type", "application/octet-stream"),
                            message.getData().toByteArray(), message.getCustomMetadata().toByteArray()));
                }
            }

            @Override
            public void onError(Throwable failure) {
                // the client gave up on the append: nothing was written
            }

            @Override
            public void onCompleted() {
                String stream = options.getStreamIdentifier().getStreamName().toStringUtf8();
                long expected = switch (options.getExpectedStreamRevisionCase()) {
                    case REVISION -> options.getRevision();
                    case NO_STREAM -> TestLog.Expected.NO_STREAM;
                    case STREAM_EXISTS -> TestLog.Expected.STREAM_EXISTS;
                    default -> TestLog.Expected.ANY;
                };
                TestLog.AppendOutcome outcome = log.append(stream, expected, events);
                response.onNext(outcome.success() ? success(outcome) : conflict(expected, outcome.currentRevision()));
                response.onCompleted();
            }
        };
    }

    private static AppendResp success(TestLog.AppendOutcome outcome) {
        AppendResp.Success.Builder success = AppendResp.Success.newBuilder();
        if (outcome.currentRevision() < 0) {
            success.setNoStream(Shared.Empty.getDefaultInstance());
        } else {
            success.setCurrentRevision(outcome.currentRevision());
        }
        if (outcome.position() < 0) {
            success.setNoPosition(Shared.Empty.getDefaultInstance());
        } else {
            success.setPosition(AppendResp.Position.newBuilder().setCommitPosition(outcome.position())
                                                     .setPreparePosition(outcome.position()));
        }
        return AppendResp.newBuilder().setSuccess(success).build();
    }

    private static AppendResp conflict(long expected, long current) {
        AppendResp.WrongExpectedVersion.Builder conflict = AppendResp.WrongExpectedVersion.newBuilder();
        if (current < 0) {
            conflict.setCurrentNoStream(Shared.Empty.getDefaultInstance());
        } else {
            conflict.setCurrentRevision(current);
        }
        if (expected >= 0) {
            conflict.setExpectedRevision(expected);
        } else if (expected == TestLog.Expected.NO_STREAM) {
            conflict.setExpectedNoStream(Shared.Empty.getDefaultInstance());
        } else {
            conflict.setExpectedStreamExists(Shared.Empty.getDefaultInstance());
        }
        return AppendResp.newBuilder().setWrongExpectedVersion(conflict).build();
    }

    @Override
    public void read(ReadReq request, StreamObserver<ReadResp> response) {
        Outbox outbox = new Outbox((ServerCallStreamObserver<ReadResp>) response);
        readers.execute(() -> {
            try {
                ReadReq.Options options = request.getOptions();
                if (options.hasStream()) {
                    readStream(options, outbox);
                } else if (options.hasSubscription()) {
                    subscribeToAll(options, outbox);
                } else {
                    readAll(options, outbox);
                }
                outbox.complete();
            } catch (InterruptedException | Outbox.Cancelled stopped) {
                outbox.fail(Status.CANCELLED);
            } catch (RuntimeException e) {
                outbox.fail(Status.INTERNAL.withDescription(e.toString()));
            }
        });
    }

    private void readStream(ReadReq.Options options, Outbox outbox) throws InterruptedException {
        ReadReq.Options.StreamOptions stream = options.getStream();
        List<TestLog.Stored> records = log.stream(stream.getStreamIdentifier().getStreamName().toStringUtf8());
        if (records == null) {
            outbox.send(ReadResp.newBuilder().setStreamNotFound(ReadResp.StreamNotFound.newBuilder()
                    .setStreamIdentifier(stream.getStreamIdentifier())).build());
            return;
        }
        boolean forwards = options.getReadDirection() == ReadReq.Options.ReadDirection.Forwards;
        long count = options.getCount();
        List<TestLog.Stored> selected = new ArrayList<>();
        if (forwards) {
            long from = switch (stream.getRevisionOptionCase()) {
                case REVISION -> stream.getRevision();
                case END -> records.size();
                default -> 0;
            };
            for (long revision = from; revision < records.size() && selected.size() < count; revision++) {
                selected.add(records.get((int) revision));
            }
        } else {
            long from = stream.getRevisionOptionCase() == ReadReq.Options.StreamOptions.RevisionOptionCase.REVISION
                    ? Math.min(stream.getRevision(), records.size() - 1L) : records.size() - 1L;
            for (long revision = from; revision >= 0 && selected.size() < count; revision--) {
                selected.add(records.get((int) revision));
            }
        }
        for (TestLog.Stored record : selected) {
            outbox.send(event(record));
        }
    }

    /**
     * A read of {@code $all} starts at the given position going forwards (the record there included) and before it
     * going backwards, as a read of the log does; a subscription starts after it.
     */
    private void readAll(ReadReq.Options options, Outbox outbox) throws InterruptedException {
        ReadReq.Options.AllOptions all = options.getAll();
        Predicate<TestLog.Stored> filter = filter(options);
        List<TestLog.Stored> records = log.allFrom(0);
        boolean forwards = options.getReadDirection() == ReadReq.Options.ReadDirection.Forwards;
        long count = options.getCount();
        int sent = 0;
        if (forwards) {
            long from = all.hasPosition() ? all.getPosition().getCommitPosition() : all.hasEnd() ? Long.MAX_VALUE : 0;
            for (int i = 0; i < records.size() && sent < count; i++) {
                if (records.get(i).position() >= from && filter.test(records.get(i))) {
                    outbox.send(event(records.get(i)));
                    sent++;
                }
            }
        } else {
            long before = all.hasPosition() ? all.getPosition().getCommitPosition() : Long.MAX_VALUE;
            for (int i = records.size() - 1; i >= 0 && sent < count; i--) {
                if (records.get(i).position() < before && filter.test(records.get(i))) {
                    outbox.send(event(records.get(i)));
                    sent++;
                }
            }
        }
    }

    private void subscribeToAll(ReadReq.Options options, Outbox outbox) throws InterruptedException {
        if (!options.hasAll()) {
            throw new UnsupportedOperationException("the test server subscribes to $all only");
        }
        ReadReq.Options.AllOptions all = options.getAll();
        Predicate<TestLog.Stored> filter = filter(options);
        int checkpointEvery = checkpointInterval(options);
        outbox.send(ReadResp.newBuilder().setConfirmation(ReadResp.SubscriptionConfirmation.newBuilder()
                .setSubscriptionId(UUID.randomUUID().toString())).build());
        int next = all.hasPosition() ? log.indexAfter(all.getPosition().getCommitPosition())
                : all.hasEnd() ? log.size() : 0;
        boolean live = false;
        int scannedSinceCheckpoint = 0;
        while (true) {
            List<TestLog.Stored> batch = log.allFrom(next);
            for (TestLog.Stored record : batch) {
                if (filter.test(record)) {
                    outbox.send(event(record));
                }
                if (checkpointEvery > 0 && ++scannedSinceCheckpoint >= checkpointEvery) {
                    outbox.send(checkpoint(record.position()));
                    scannedSinceCheckpoint = 0;
                }
            }
            next += batch.size();
            if (!live) {
                live = true;
                outbox.send(caughtUp(next == 0 ? null : log.allFrom(next - 1).get(0)));
            }
            log.awaitMoreThan(next, LIVE_WAIT_MILLIS);
            outbox.ensureOpen();
        }
    }

    private static int checkpointInterval(ReadReq.Options options) {
        if (!options.hasFilter()) {
            return 0;
        }
        ReadReq.Options.FilterOptions filter = options.getFilter();
        int window = filter.hasMax() ? filter.getMax() : 32;
        return window * Math.max(1, filter.getCheckpointIntervalMultiplier());
    }

    private static Predicate<TestLog.Stored> filter(ReadReq.Options options) {
        if (!options.hasFilter()) {
            return record -> true;
        }
        ReadReq.Options.FilterOptions filter = options.getFilter();
        if (filter.hasStreamIdentifier()) {
            Predicate<String> matches = expression(filter.getStreamIdentifier());
            return record -> matches.test(record.stream());
        }
        Predicate<String> matches = expression(filter.getEventType());
        return record -> matches.test(record.type());
    }

    private static Predicate<String> expression(ReadReq.Options.FilterOptions.Expression expression) {
        if (!expression.getPrefixList().isEmpty()) {
            List<String> prefixes = expression.getPrefixList();
            return name -> prefixes.stream().anyMatch(name::startsWith);
        }
        Pattern pattern = Pattern.compile(expression.getRegex());
        return name -> pattern.matcher(name).find();
    }

    private static ReadResp event(TestLog.Stored record) {
        ReadResp.ReadEvent.RecordedEvent recorded = ReadResp.ReadEvent.RecordedEvent.newBuilder()
                .setId(Shared.UUID.newBuilder().setStructured(Shared.UUID.Structured.newBuilder()
                        .setMostSignificantBits(record.id().getMostSignificantBits())
                        .setLeastSignificantBits(record.id().getLeastSignificantBits())))
                .setStreamIdentifier(Shared.StreamIdentifier.newBuilder()
                        .setStreamName(ByteString.copyFromUtf8(record.stream())))
                .setStreamRevision(record.revision())
                .setCommitPosition(record.position())
                .setPreparePosition(record.position())
                .putMetadata("type", record.type())
                .putMetadata("content-type", record.contentType())
                .putMetadata("created", Long.toString(record.createdTicks()))
                .setData(ByteString.copyFrom(record.data()))
                .setCustomMetadata(ByteString.copyFrom(record.metadata()))
                .build();
        return ReadResp.newBuilder().setEvent(ReadResp.ReadEvent.newBuilder().setEvent(recorded)
                .setCommitPosition(record.position())).build();
    }

    private static ReadResp checkpoint(long position) {
        return ReadResp.newBuilder().setCheckpoint(ReadResp.Checkpoint.newBuilder().setCommitPosition(position)
                .setPreparePosition(position).setTimestamp(now())).build();
    }

    private static ReadResp caughtUp(TestLog.Stored last) {
        ReadResp.CaughtUp.Builder caughtUp = ReadResp.CaughtUp.newBuilder().setTimestamp(now());
        if (last != null) {
            caughtUp.setPosition(ReadResp.Position.newBuilder().setCommitPosition(last.position())
                    .setPreparePosition(last.position()));
        }
        return ReadResp.newBuilder().setCaughtUp(caughtUp).build();
    }

    private static Timestamp now() {
        Instant now = Instant.now();
        return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
    }

    private static UUID uuid(Shared.UUID id) {
        return id.hasStructured()
                ? new UUID(id.getStructured().getMostSignificantBits(), id.getStructured().getLeastSignificantBits())
                : UUID.fromString(id.getString());
    }
}
