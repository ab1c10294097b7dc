package io.careledger.command.repair;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.api.repair.FreeCareRedeemed;
import io.careledger.api.repair.FreeCareService;
import io.careledger.api.repair.GarmentId;
import io.careledger.api.repair.RedeemFreeCare;
import io.careledger.command.common.Validate;
import io.careledger.command.customer.KnownCustomers;
import io.careledger.command.repair.policy.WarrantyPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The free care services of one sold garment (DOMAIN.md §6). Its stream is the garment's, so "once per garment"
 * is decided on the garment's own history: the first redemption creates it, a second of the same service is
 * refused.
 */
public class GarmentCareAggregate {

    private static final int LINE_MAX = 64;

    @AggregateIdentifier
    private GarmentId garmentId;
    private final Set<FreeCareService> redeemed = EnumSet.noneOf(FreeCareService.class);

    /** Axon creates the garment, or rebuilds it from its events, through this constructor. */
    protected GarmentCareAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RedeemFreeCare command, KnownCustomers customers, WarrantyPolicy policy, Clock clock) {
        Validate.required(command.garmentId(), "garmentId");
        Validate.required(command.customerId(), "customerId");
        Validate.required(command.orderId(), "orderId");
        Validate.line(command.sku(), "sku", LINE_MAX);
        Validate.line(command.category(), "category", LINE_MAX);
        Validate.required(command.material(), "material");
        Validate.required(command.salePrice(), "salePrice");
        Validate.required(command.purchasedAt(), "purchasedAt");
        Validate.required(command.service(), "service");
        Validate.required(command.actor(), "actor");
        if (!GarmentId.of(command.orderId(), command.sku()).equals(command.garmentId())) {
            throw Validate.invalid("garmentId", "garmentId must be the one of orderId and sku");
        }
        Instant now = clock.instant();
        if (command.purchasedAt().isAfter(now)) {
            throw Validate.invalid("purchasedAt", "purchasedAt must not be in the future");
        }
        if (!customers.exists(command.customerId())) {
            throw new CommandRejectedException(ErrorCode.NOT_FOUND,
                    "No customer " + command.customerId() + " is registered", "customerId");
        }
        if (redeemed.contains(command.service())) {
            throw new CommandRejectedException(ErrorCode.ALREADY_REDEEMED, "The free " + command.service()
                    + " of " + command.sku() + " in order " + command.orderId() + " was already redeemed", "service");
        }
        String refusal = policy.freeCareRefusal(command.service(), command.category(), command.material(),
                command.salePrice(), command.purchasedAt(), now);
        if (refusal != null) {
            throw new CommandRejectedException(ErrorCode.NOT_ELIGIBLE, refusal, "service");
        }
        apply(new FreeCareRedeemed(command.garmentId(), command.customerId(), command.orderId(), command.sku(),
                command.service(), policy.version(), command.actor(), now));
    }

    @EventSourcingHandler
    void on(FreeCareRedeemed event) {
        garmentId = event.garmentId();
        redeemed.add(event.service());
    }
}
