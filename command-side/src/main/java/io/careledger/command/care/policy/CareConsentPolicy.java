package io.careledger.command.care.policy;

import io.careledger.api.care.CareSkipReason;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ContactChannel;
import io.careledger.command.common.PolicyTables;
import java.util.Map;

/**
 * Whether a care task may reach the customer (DOMAIN.md §1, §3: care messages only with consent, on the preferred
 * channel). The rules, in order:
 * <ol>
 * <li>An explicit withdrawal of {@code DATA_PROCESSING} stops every task: the customer asked not to be dealt with
 * beyond what a sale needs.</li>
 * <li>Calls and visits (follow-ups, callbacks, home visits) are part of the service the customer bought, so they
 * need no consent beyond that: a customer who never ticked {@code DATA_PROCESSING} at registration is still
 * called. Only the explicit withdrawal of rule 1 stops them.</li>
 * <li>A message needs a preferred channel, and on that channel the consent of {@link #channelConsents()}: for
 * messages "never given" is a no, because they are sent on the company's initiative.</li>
 * </ol>
 *
 * @param channelConsents the consent a message on each channel needs
 */
public record CareConsentPolicy(String version, Map<ContactChannel, ConsentPurpose> channelConsents) {

    public CareConsentPolicy {
        version = PolicyTables.version(version);
        channelConsents = PolicyTables.complete(channelConsents, ContactChannel.class, "channelConsents");
    }

    /** Marketing consents for SMS and e-mail; calls and app messages ride on data processing. */
    public static CareConsentPolicy defaults() {
        return new CareConsentPolicy("care-consent-2026.1", Map.of(
                ContactChannel.SMS, ConsentPurpose.MARKETING_SMS,
                ContactChannel.EMAIL, ConsentPurpose.MARKETING_EMAIL,
                ContactChannel.PHONE_CALL, ConsentPurpose.DATA_PROCESSING,
                ContactChannel.APP_MESSAGE, ConsentPurpose.DATA_PROCESSING));
    }

    public CareDecision decide(CareTaskKind kind, ContactPermissions permissions) {
        if (permissions.hasWithdrawn(ConsentPurpose.DATA_PROCESSING)) {
            return CareDecision.skipped(CareSkipReason.DATA_PROCESSING_WITHDRAWN, version);
        }
        if (!kind.isMessage()) {
            return CareDecision.scheduled(null, version);
        }
        ContactChannel channel = permissions.preferredChannel();
        if (channel == null) {
            return CareDecision.skipped(CareSkipReason.NO_PREFERRED_CHANNEL, version);
        }
        if (!permissions.hasGiven(channelConsents.get(channel))) {
            return CareDecision.skipped(CareSkipReason.NO_CONSENT, version);
        }
        return CareDecision.scheduled(channel, version);
    }
}
