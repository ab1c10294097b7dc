package io.careledger.service.complaint;

import io.careledger.service.support.ServiceTest;

/** The complaint lifecycle on the embedded default: H2 and a managed Elasticsearch. */
@ServiceTest
class ComplaintLifecycleIT extends ComplaintLifecycleScenario {
}
