package io.careledger.service.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.api.error.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    @Test
    void ordinaryInputPasses() {
        assertThat(InputRules.check(Map.of("customerId", "c-1", "description", "牛奶过期了\r\n请处理",
                "lines", List.of(Map.of("sku", "A-1", "unitPrice", Map.of("amount", "12.50", "currency", "CNY"))),
                "requestId", "req-1"))).isEmpty();
        assertThat(InputRules.check(null)).isEmpty();
    }

    @Test
    void eachRefusalNamesTheFieldByItsPath() {
        assertRefused(Map.of("tag", "a\nb"), "tag");
        assertRefused(Map.of("note", "bell \u0007"), "note");
        assertRefused(Map.of("note", "right-to-left \u202E override"), "note");
        assertRefused(Map.of("name", "x".repeat(InputRules.LINE_MAX + 1)), "name");
        assertRefused(Map.of("transcript", "x".repeat(InputRules.MULTILINE_MAX + 1)), "transcript");
        assertRefused(Map.of("lines", List.of(Map.of("sku", "A"), Map.of("unitPrice", Map.of("amount", "1e999999999",
                "currency", "CNY")))), "lines[1].unitPrice.amount");
        assertRefused(Map.of("salePrice", Map.of("amount", "10", "currency", "C N Y")), "salePrice.currency");
        assertRefused(Map.of("replacementItems", java.util.Collections.nCopies(InputRules.LIST_MAX + 1, "x")), "replacementItems");
        assertRefused(Map.of("requestId", "no spaces please"), "requestId");
        assertRefused(Map.of("requestId", "r".repeat(65)), "requestId");
    }

    @Test
    void theDomainKeepsItsOwnFinerRulesOnAmounts() {
        // Negative amounts and a third decimal are the domain's to refuse, with its own field names.
        assertThat(InputRules.check(Map.of("amount", Map.of("amount", "-5", "currency", "CNY")))).isEmpty();
        assertThat(InputRules.check(Map.of("amount", Map.of("amount", "12.345", "currency", "CNY")))).isEmpty();
    }

    private static void assertRefused(Map<String, Object> input, String field) {
        assertThat(InputRules.check(input)).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).startsWith(field);
        });
    }
}
