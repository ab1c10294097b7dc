package io.careledger.api.care;

/** How a completed task went. CALLBACK_AGREED needs the agreed time; a new CALLBACK task is due then. */
public enum CareOutcome {
    REACHED, CALLBACK_AGREED, NO_ANSWER, DECLINED, MESSAGE_SENT, VISITED
}
