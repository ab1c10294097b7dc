package io.careledger.api.cases;

public enum CaseKind {
    COMPLAINT, REFUND, REPAIR
}
