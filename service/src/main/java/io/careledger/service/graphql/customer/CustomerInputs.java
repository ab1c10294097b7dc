package io.careledger.service.graphql.customer;

import io.careledger.api.common.Channel;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.OrderId;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.NoteCategory;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.SurveySubject;
import io.careledger.api.customer.Tier;
import io.careledger.service.graphql.MoneyInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** The GraphQL inputs of the customer mutations, as bound by Spring for GraphQL, and their conversions. */
final class CustomerInputs {
    private CustomerInputs() {
    }

    record RegisterCustomerInput(String name, String phone, String email, Gender gender, String birthday, String address,
                                 String clothingSize, String homeStoreId, ContactChannel preferredContact, Channel channel,
                                 List<ConsentPurpose> consents) {
        Set<ConsentPurpose> consentSet() {
            return consents == null || consents.isEmpty() ? EnumSet.noneOf(ConsentPurpose.class) : EnumSet.copyOf(consents);
        }
    }

    record UpdateCustomerProfileInput(String customerId, String name, String phone, String email, Gender gender,
                                      String birthday, String address, String clothingSize, String homeStoreId,
                                      ContactChannel preferredContact) {
    }

    record RecordProfileNoteInput(String customerId, NoteCategory category, String text) {
    }

    record EraseCustomerPersonalDataInput(String customerId, String reason) {
    }

    record TagCustomerInput(String customerId, String tag) {
    }

    record ConsentInput(String customerId, ConsentPurpose purpose) {
    }

    record PurchaseLineInput(String sku, String category, int quantity, MoneyInput unitPrice) {
    }

    record RecordPurchaseInput(String customerId, String orderId, String storeId, Channel channel,
                               List<PurchaseLineInput> lines, Instant purchasedAt) {
        OrderId order() {
            return OrderId.of(orderId);
        }

        /** Lines with their money parsed; a bad amount names its line, e.g. {@code lines[2].unitPrice}. */
        List<PurchaseLine> purchaseLines() {
            if (lines == null) {
                return List.of();
            }
            return IntStream.range(0, lines.size()).mapToObj(i -> {
                PurchaseLineInput line = lines.get(i);
                try {
                    return new PurchaseLine(line.sku(), line.category(), line.quantity(), line.unitPrice().toMoney());
                } catch (InvalidValueException e) {
                    throw new InvalidValueException("lines[" + i + "].unitPrice", e.getMessage());
                }
            }).toList();
        }
    }

    record UpgradeVipInput(String customerId, Tier tier, String reason) {
    }

    record ReviewTierInput(String customerId) {
    }

    record RedeemPointsInput(String customerId, int points, String reason) {
    }

    record RecordReferralInput(String customerId, String referredBy) {
    }

    record RecordSurveyResponseInput(String customerId, SurveySubject.Kind subjectKind, String subjectId, Integer csat,
                                     Integer nps, String comment) {
        SurveySubject subject() {
            if (subjectKind == null && subjectId == null) {
                return null;
            }
            return new SurveySubject(subjectKind, subjectId);
        }
    }

    static CustomerId customer(String id) {
        return CustomerId.of(id);
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, field + " must be a date such as 1990-04-30");
        }
    }
}
