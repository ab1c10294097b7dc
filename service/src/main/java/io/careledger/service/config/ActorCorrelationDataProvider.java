package io.careledger.service.config;

import io.careledger.api.common.StaffId;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries who acted and through which channel from a command onto every event it causes. A deadline that
 * fires is nobody's action, so its events are recorded as the system's, whoever scheduled it.
 */
public final class ActorCorrelationDataProvider implements CorrelationDataProvider {
    public static final String ACTOR = "actor";
    public static final String CHANNEL = "channel";
    static final String SYSTEM_CHANNEL = "SYSTEM";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (message instanceof DeadlineMessage) {
            return Map.of(ACTOR, StaffId.SYSTEM.value(), CHANNEL, SYSTEM_CHANNEL);
        }
        Map<String, Object> data = new HashMap<>();
        copy(message, ACTOR, data);
        copy(message, CHANNEL, data);
        return data;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> into) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            into.put(key, value);
        }
    }
}
