package io.careledger.service.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MutationRequestTest {

    @Test
    void theFingerprintIgnoresFieldOrderAndTheRequestIdButNothingElse() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("requestId", "r-1");
        a.put("customerId", "c-1");
        a.put("lines", List.of(Map.of("sku", "A", "quantity", 1)));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("lines", List.of(Map.of("quantity", 1, "sku", "A")));
        b.put("customerId", "c-1");
        b.put("requestId", "r-2");

        assertThat(MutationRequest.of("m", a).fingerprint()).isEqualTo(MutationRequest.of("m", b).fingerprint());
        assertThat(MutationRequest.of("other", a).fingerprint()).isNotEqualTo(MutationRequest.of("m", a).fingerprint());
        b.put("customerId", "c-2");
        assertThat(MutationRequest.of("m", b).fingerprint()).isNotEqualTo(MutationRequest.of("m", a).fingerprint());
        assertThat(MutationRequest.of("m", Map.of("customerId", "c-1"))).isNull();
    }

    @Test
    void theRequestIsTakenByTheFirstCommandOnly() {
        MutationRequest request = MutationRequest.of("m", Map.of("requestId", "r"));
        MutationRequest.during(request, () -> {
            assertThat(MutationRequest.take()).isEqualTo(request);
            assertThat(MutationRequest.take()).isNull();
            return null;
        });
        assertThat(MutationRequest.take()).isNull();
    }
}
