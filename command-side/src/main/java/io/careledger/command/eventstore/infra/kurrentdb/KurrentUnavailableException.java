package io.careledger.command.eventstore.infra.kurrentdb;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * KurrentDB did not answer in time or could not be reached. For an append, KurrentDB writes a batch entirely or
 * not at all, so no half of a command's events can be stored; whether a timed-out batch arrived is unknown until
 * the stream is read again.
 */
public class KurrentUnavailableException extends EventStoreException {

    public KurrentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
