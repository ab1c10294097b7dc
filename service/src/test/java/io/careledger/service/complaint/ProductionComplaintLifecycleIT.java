package io.careledger.service.complaint;

import io.careledger.service.support.ProductionServiceTest;

/** The same complaint lifecycle in the production profile: KurrentDB events, PostgreSQL tokens and deadlines. */
@ProductionServiceTest
class ProductionComplaintLifecycleIT extends ComplaintLifecycleScenario {
}
