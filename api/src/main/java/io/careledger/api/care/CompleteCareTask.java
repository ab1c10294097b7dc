package io.careledger.api.care;

import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Staff report a task done, with an outcome and notes. {@code callbackAt} is required with CALLBACK_AGREED
 * (and in the future), not allowed otherwise. Completing a DONE or SKIPPED task is INVALID_TRANSITION.
 */
public record CompleteCareTask(
        @TargetAggregateIdentifier CareTaskId careTaskId,
        CareOutcome outcome,
        String notes,
        Instant callbackAt,
        StaffId actor) {
}
