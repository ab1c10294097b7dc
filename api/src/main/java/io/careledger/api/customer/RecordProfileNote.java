package io.careledger.api.customer;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A soft-profile note in one of the DOMAIN.md §1 categories. */
public record RecordProfileNote(@TargetAggregateIdentifier CustomerId customerId, NoteCategory category, @PersonalData String text, StaffId actor)
        implements CustomerCommand {
}
