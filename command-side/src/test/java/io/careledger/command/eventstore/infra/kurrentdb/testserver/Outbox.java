package io.careledger.command.eventstore.infra.kurrentdb.testserver;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadResp;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sending end of one server-streaming call: sends only while the client has asked for more (gRPC flow
 * control, as KurrentDB honours it) and notices when the client cancels or the server stops.
 */
final class Outbox {
    private final ServerCallStreamObserver<ReadResp> call;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private volatile boolean cancelled;

    /** Thrown on the reading thread once the call is gone. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("the call was cancelled", null, false, false);
        }
    }

    Outbox(ServerCallStreamObserver<ReadResp> call) {
        this.call = call;
        call.setOnCancelHandler(() -> {
            cancelled = true;
            signal();
        });
        call.setOnReadyHandler(this::signal);
    }

    void send(ReadResp message) throws InterruptedException {
        lock.lock();
        try {
            while (!cancelled && !call.isReady()) {
                ready.await(50, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
        ensureOpen();
        call.onNext(message);
    }

    void ensureOpen() {
        if (cancelled) {
            throw new Cancelled();
        }
    }

    void complete() {
        if (!cancelled) {
            call.onCompleted();
        }
    }

    void fail(Status status) {
        if (!cancelled) {
            try {
                call.onError(status.asRuntimeException());
            } catch (IllegalStateException alreadyClosed) {
                // the server closed the call while it was being read
            }
        }
    }

    private void signal() {
        lock.lock();
        try {
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
