package io.careledger.api.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an event that holds personal data about the customer the event belongs to (its
 * {@code customerId}). The event store never holds such a field in clear text: the serializer encrypts it with
 * that customer's key, and once the key is erased every reader gets {@link #ERASED} instead (or null for a
 * field that is not text, such as a birthday).
 * <p>
 * Only events that name their customer can carry it: the key is found through the event's {@code customerId}.
 * Commands mark the same fields: a command kept with its request id ({@code mutation_request}) is sealed the same way.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** What every reader sees of a text field whose customer's personal data was erased. */
    String ERASED = "[erased]";
}
