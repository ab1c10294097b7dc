package io.careledger.command.complaint;

import static io.careledger.command.complaint.ComplaintTestData.CUSTOMER;
import static io.careledger.command.complaint.ComplaintTestData.T0;
import static io.careledger.command.complaint.ComplaintTestData.file;
import static io.careledger.command.support.Rejections.rejectedWith;

import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.error.ErrorCode;
import io.careledger.command.complaint.policy.RoutingPolicy;
import io.careledger.command.complaint.policy.SeverityPolicy;
import io.careledger.command.customer.KnownCustomers;
import io.careledger.command.support.FixtureClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** A complaint's description is the customer's own words: none is filed for a customer whose data was erased. */
class ErasedCustomerComplaintTest {

    @Test
    void noComplaintIsFiledForACustomerWhosePersonalDataWasErased() {
        AggregateTestFixture<ComplaintAggregate> fixture = new AggregateTestFixture<>(ComplaintAggregate.class);
        KnownCustomers erased = new KnownCustomers() {
            @Override
            public boolean exists(CustomerId customerId) {
                return CUSTOMER.equals(customerId);
            }

            @Override
            public boolean personalDataErased(CustomerId customerId) {
                return CUSTOMER.equals(customerId);
            }
        };
        fixture.registerInjectableResources(SeverityPolicy.defaults(), RoutingPolicy.defaults(),
                new FixtureClock(fixture::currentTime), erased);

        fixture.givenNoPriorActivity()
               .andGivenCurrentTime(T0)
               .when(file(ComplaintCategory.FRESH_SPOILAGE))
               .expectException(rejectedWith(ErrorCode.PERSONAL_DATA_ERASED, "customerId"))
               .expectNoEvents();
    }
}
