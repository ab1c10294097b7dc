package io.careledger.api.cases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.refund.RefundView;
import io.careledger.api.repair.RepairView;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;

/**
 * What every kind of case has in common, so search, history and as-of answer for complaints, refunds and
 * repairs alike. {@code openedAt} is when the case began (filed, requested, registered); {@code version} the
 * sequence number of the last event folded in.
 * <p>
 * Stored as JSON, a view carries {@code kind} (which also says which record to read it back as) and
 * {@code openedAt} (so all kinds sort on one field); both are derived, so reading ignores them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ComplaintView.class, name = "COMPLAINT"),
        @JsonSubTypes.Type(value = RefundView.class, name = "REFUND"),
        @JsonSubTypes.Type(value = RepairView.class, name = "REPAIR")})
@JsonIgnoreProperties(value = {"kind", "openedAt"}, allowGetters = true)
public interface CaseView {
    String caseId();

    @JsonProperty("kind")
    CaseKind kind();

    CustomerId customerId();

    StoreId storeId();

    @JsonProperty("openedAt")
    Instant openedAt();

    Instant updatedAt();

    boolean slaBreached();

    long version();
}
