package io.careledger.query.timeline;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.careledger.api.common.EventName;
import io.careledger.api.common.PersonalData;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.customer.CustomerEvent;

/**
 * The events whose timeline entries may show personal data: those with a {@link PersonalData} field. Only a
 * customer's own events and complaint events carry such fields (a test holds every event type to that), so an
 * erasure re-reads the customer's stream and their complaints' streams, nothing else.
 */
final class PersonalEvents {
    private static final List<Class<?>> TYPES = Stream.concat(
                    Arrays.stream(CustomerEvent.class.getPermittedSubclasses()),
                    Arrays.stream(ComplaintEvent.class.getPermittedSubclasses()))
            .filter(PersonalEvents::hasPersonalData)
            .collect(Collectors.toUnmodifiableList());
    private static final List<String> EVENT_TYPES = TYPES.stream()
            .map(type -> type.getAnnotation(EventName.class).value())
            .collect(Collectors.toUnmodifiableList());

    private PersonalEvents() {
    }

    static boolean hasPersonalData(Class<?> type) {
        return type.isRecord() && Arrays.stream(type.getRecordComponents())
                .anyMatch(component -> component.isAnnotationPresent(PersonalData.class));
    }

    /** Their stored names, e.g. {@code customer.registered}. */
    static List<String> eventTypes() {
        return EVENT_TYPES;
    }
}
