package io.careledger.api.customer;

import io.careledger.api.common.StaffId;

/** Every command on a customer's file names the customer and the staff member acting. */
public interface CustomerCommand {
    CustomerId customerId();

    StaffId actor();
}
