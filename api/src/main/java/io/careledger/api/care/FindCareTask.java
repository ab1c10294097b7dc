package io.careledger.api.care;

import java.util.Optional;

/** The task as the event store knows it now. Answers {@code Optional<CareTaskView>}. */
public record FindCareTask(CareTaskId careTaskId) {
}
