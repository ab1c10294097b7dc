package io.careledger.api.customer;

import io.careledger.api.common.StaffId;
import java.time.Instant;

public record ProfileNoteView(NoteCategory category, String text, StaffId by, Instant at) {
}
