package io.careledger.api.care;

/** The care and follow-up tasks of DOMAIN.md §2-3. Calls and visits are service; messages need consent. */
public enum CareTaskKind {
    /** A call one week after a purchase: how does it wear, any washing questions. */
    PURCHASE_FOLLOW_UP(false),
    /** A call 48 hours after a complaint is resolved, by the complaint's owner. */
    SATISFACTION_FOLLOW_UP(false),
    /** A call at the time agreed with the customer when a question could not be answered at once. */
    CALLBACK(false),
    BIRTHDAY_MESSAGE(true),
    /** For members dormant longer than the policy's period. */
    RECONNECT_MESSAGE(true),
    /** After a referral (both customers) or a spend milestone. */
    THANK_YOU_MESSAGE(true),
    /** The top annual spender of a region. */
    HOME_VISIT(false);

    private final boolean message;

    CareTaskKind(boolean message) {
        this.message = message;
    }

    /** Messages are sent only with consent, on the customer's preferred channel. */
    public boolean isMessage() {
        return message;
    }
}
