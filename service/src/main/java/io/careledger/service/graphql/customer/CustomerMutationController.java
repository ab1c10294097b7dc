package io.careledger.service.graphql.customer;

import static io.careledger.service.graphql.customer.CustomerInputs.customer;
import static io.careledger.service.graphql.customer.CustomerInputs.date;

import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerCommand;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.EraseCustomerPersonalData;
import io.careledger.api.customer.FindCustomer;
import io.careledger.api.customer.FindPurchase;
import io.careledger.api.customer.FindSurveyResponse;
import io.careledger.api.customer.GiveConsent;
import io.careledger.api.customer.PurchaseView;
import io.careledger.api.customer.RecordProfileNote;
import io.careledger.api.customer.RecordPurchase;
import io.careledger.api.customer.RecordReferral;
import io.careledger.api.customer.RecordSurveyResponse;
import io.careledger.api.customer.RedeemPoints;
import io.careledger.api.customer.RegisterCustomer;
import io.careledger.api.customer.ReviewTier;
import io.careledger.api.customer.SurveyResponseId;
import io.careledger.api.customer.SurveyResponseView;
import io.careledger.api.customer.TagCustomer;
import io.careledger.api.customer.UntagCustomer;
import io.careledger.api.customer.UpdateCustomerProfile;
import io.careledger.api.customer.UpgradeVip;
import io.careledger.api.customer.WithdrawConsent;
import io.careledger.service.graphql.InputField;
import io.careledger.service.graphql.Mutations;
import io.careledger.service.graphql.UserError;
import io.careledger.service.graphql.customer.CustomerInputs.ConsentInput;
import io.careledger.service.graphql.customer.CustomerInputs.EraseCustomerPersonalDataInput;
import io.careledger.service.graphql.customer.CustomerInputs.RecordProfileNoteInput;
import io.careledger.service.graphql.customer.CustomerInputs.RecordPurchaseInput;
import io.careledger.service.graphql.customer.CustomerInputs.RecordReferralInput;
import io.careledger.service.graphql.customer.CustomerInputs.RecordSurveyResponseInput;
import io.careledger.service.graphql.customer.CustomerInputs.RedeemPointsInput;
import io.careledger.service.graphql.customer.CustomerInputs.RegisterCustomerInput;
import io.careledger.service.graphql.customer.CustomerInputs.ReviewTierInput;
import io.careledger.service.graphql.customer.CustomerInputs.TagCustomerInput;
import io.careledger.service.graphql.customer.CustomerInputs.UpdateCustomerProfileInput;
import io.careledger.service.graphql.customer.CustomerInputs.UpgradeVipInput;
import io.careledger.service.security.Access;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The customer file over GraphQL: each mutation is one command, answered with the customer as stored. */
@Controller
public class CustomerMutationController {
    private final Mutations mutations;
    private final QueryGateway queries;

    CustomerMutationController(Mutations mutations, QueryGateway queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    /** The payload of every mutation that answers with the customer. */
    public record CustomerPayload(CustomerView customer, List<UserError> errors) {
    }

    public record RecordPurchasePayload(PurchaseView purchase, CustomerView customer, List<UserError> errors) {
    }

    public record RecordSurveyResponsePayload(SurveyResponseView response, List<UserError> errors) {
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public CustomerPayload registerCustomer(@Argument RegisterCustomerInput input) {
        return run(() -> new RegisterCustomer(CustomerId.generate(), input.name(), input.phone(), input.email(),
                input.gender(), date(input.birthday(), "birthday"), input.address(), input.clothingSize(),
                InputField.parse("homeStoreId", input.homeStoreId(), StoreId::of), input.preferredContact(), input.channel(), input.consentSet(),
                mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public CustomerPayload updateCustomerProfile(@Argument UpdateCustomerProfileInput input) {
        return run(() -> new UpdateCustomerProfile(customer(input.customerId()), input.name(), input.phone(), input.email(),
                input.gender(), date(input.birthday(), "birthday"), input.address(), input.clothingSize(),
                InputField.parse("homeStoreId", input.homeStoreId(), StoreId::of), input.preferredContact(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public CustomerPayload recordProfileNote(@Argument RecordProfileNoteInput input) {
        return run(() -> new RecordProfileNote(customer(input.customerId()), input.category(), input.text(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public CustomerPayload tagCustomer(@Argument TagCustomerInput input) {
        return run(() -> new TagCustomer(customer(input.customerId()), input.tag(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public CustomerPayload untagCustomer(@Argument TagCustomerInput input) {
        return run(() -> new UntagCustomer(customer(input.customerId()), input.tag(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public CustomerPayload giveConsent(@Argument ConsentInput input) {
        return run(() -> new GiveConsent(customer(input.customerId()), input.purpose(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public CustomerPayload withdrawConsent(@Argument ConsentInput input) {
        return run(() -> new WithdrawConsent(customer(input.customerId()), input.purpose(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public RecordPurchasePayload recordPurchase(@Argument RecordPurchaseInput input) {
        var outcome = mutations.execute(
                () -> new RecordPurchase(customer(input.customerId()), input.order(), StoreId.of(input.storeId()),
                        input.channel(), input.purchaseLines(), input.purchasedAt(), mutations.actor()),
                sent -> new RecordPurchasePayload(
                        queries.query(new FindPurchase(sent.customerId(), sent.orderId()),
                                ResponseTypes.optionalInstanceOf(PurchaseView.class)).join().orElse(null),
                        find(sent.customerId()), List.of()));
        return outcome.errors().isEmpty() ? outcome.value() : new RecordPurchasePayload(null, null, outcome.errors());
    }

    @MutationMapping
    @PreAuthorize(Access.SUPERVISOR)
    public CustomerPayload upgradeVip(@Argument UpgradeVipInput input) {
        return run(() -> new UpgradeVip(customer(input.customerId()), input.tier(), input.reason(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.SUPERVISOR)
    public CustomerPayload reviewTier(@Argument ReviewTierInput input) {
        return run(() -> new ReviewTier(customer(input.customerId()), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public CustomerPayload redeemPoints(@Argument RedeemPointsInput input) {
        return run(() -> new RedeemPoints(customer(input.customerId()), input.points(), input.reason(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public CustomerPayload recordReferral(@Argument RecordReferralInput input) {
        return run(() -> new RecordReferral(customer(input.customerId()), InputField.parse("referredBy", input.referredBy(), CustomerId::of), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public RecordSurveyResponsePayload recordSurveyResponse(@Argument RecordSurveyResponseInput input) {
        var outcome = mutations.execute(
                () -> new RecordSurveyResponse(customer(input.customerId()), SurveyResponseId.generate(), input.subject(),
                        input.csat(), input.nps(), input.comment(), mutations.actor()),
                sent -> queries.query(new FindSurveyResponse(sent.customerId(), sent.responseId()),
                        ResponseTypes.optionalInstanceOf(SurveyResponseView.class)).join().orElse(null));
        return new RecordSurveyResponsePayload(outcome.value(), outcome.errors());
    }

    /** Answers with the customer as the store reads them now: the placeholder in every personal field. */
    @MutationMapping
    @PreAuthorize(Access.ERASE)
    public CustomerPayload eraseCustomerPersonalData(@Argument EraseCustomerPersonalDataInput input) {
        return run(() -> new EraseCustomerPersonalData(customer(input.customerId()), input.reason(), mutations.actor()));
    }

    private <C extends CustomerCommand> CustomerPayload run(Supplier<C> command) {
        var outcome = mutations.execute(command, sent -> find(sent.customerId()));
        return new CustomerPayload(outcome.value(), outcome.errors());
    }

    private CustomerView find(CustomerId id) {
        return queries.query(new FindCustomer(id), ResponseTypes.optionalInstanceOf(CustomerView.class)).join().orElse(null);
    }
}
