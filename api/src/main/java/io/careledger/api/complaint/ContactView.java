package io.careledger.api.complaint;

import io.careledger.api.common.StaffId;
import java.time.Instant;

public record ContactView(ContactKind kind, String summary, StaffId by, Instant at) {
}
