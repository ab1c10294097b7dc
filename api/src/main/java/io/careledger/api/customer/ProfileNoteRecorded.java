package io.careledger.api.customer;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@EventName("customer.note-recorded")
@Revision("1")
public record ProfileNoteRecorded(CustomerId customerId, NoteCategory category, @PersonalData String text, StaffId by, Instant occurredAt)
        implements CustomerEvent {
}
