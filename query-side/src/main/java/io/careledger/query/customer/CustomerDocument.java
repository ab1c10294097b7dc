package io.careledger.query.customer;

import java.util.List;

import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.PurchaseRecorded;

/**
 * A customer as the customer index stores it: the file as {@link CustomerFold} makes it from the customer's
 * own events, the spend per year (for the top spender of a region), and the phone number's digits reversed,
 * so that the end of a number (what people read out, or type without the country code) is a prefix query.
 */
public record CustomerDocument(CustomerView customer, List<AnnualSpend> annualSpend, String phoneTail) {

    public static CustomerDocument of(CustomerView customer, List<AnnualSpend> annualSpend) {
        return new CustomerDocument(customer, annualSpend, phoneTail(customer.phone()));
    }

    /**
     * Pure, like {@link CustomerFold}, which it extends by the annual spend.
     *
     * @param state null only before the customer was registered
     */
    public static CustomerDocument apply(CustomerDocument state, CustomerEvent event, long sequence) {
        CustomerView customer = CustomerFold.apply(state == null ? null : state.customer(), event, sequence);
        List<AnnualSpend> spends = state == null ? List.of() : state.annualSpend();
        if (event instanceof PurchaseRecorded purchase) {
            spends = AnnualSpend.add(spends, purchase);
        }
        return of(customer, spends);
    }

    /** The digits of a phone number, last first; null without any. */
    static String phoneTail(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.isEmpty() ? null : new StringBuilder(digits).reverse().toString();
    }
}
