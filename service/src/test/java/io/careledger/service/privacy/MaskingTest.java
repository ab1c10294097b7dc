package io.careledger.service.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.api.common.PersonalData;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MaskingTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(Masking.Rule.PHONE, "13812345678", "138****5678"),
                Arguments.of(Masking.Rule.PHONE, "+86 138-0013-8000", "861******8000"),
                Arguments.of(Masking.Rule.PHONE, "0755-1234-5678", "075*****5678"),
                Arguments.of(Masking.Rule.PHONE, "1234567", "*****67"),
                Arguments.of(Masking.Rule.PHONE, "12", Masking.HIDDEN),
                Arguments.of(Masking.Rule.NAME, "王芳", "王*"),
                Arguments.of(Masking.Rule.NAME, "John Smith", "J*"),
                Arguments.of(Masking.Rule.NAME, "𠀋一", "𠀋*"),
                Arguments.of(Masking.Rule.NAME, "  ", Masking.HIDDEN),
                Arguments.of(Masking.Rule.EMAIL, "jane@example.com", "j***@example.com"),
                Arguments.of(Masking.Rule.EMAIL, "li.na@mail.example.cn", "l***@mail.example.cn"),
                Arguments.of(Masking.Rule.EMAIL, "no-at-sign", Masking.HIDDEN),
                Arguments.of(Masking.Rule.EMAIL, "@example.com", Masking.HIDDEN),
                Arguments.of(Masking.Rule.HIDE, "上海市南京路 1 号", Masking.HIDDEN),
                Arguments.of(Masking.Rule.HIDE, "喜欢简约风格", Masking.HIDDEN),
                Arguments.of(Masking.Rule.ABSENT, "1990-04-30", null),
                Arguments.of(Masking.Rule.NAME, null, null),
                Arguments.of(Masking.Rule.PHONE, PersonalData.ERASED, PersonalData.ERASED),
                Arguments.of(Masking.Rule.NAME, PersonalData.ERASED, PersonalData.ERASED),
                Arguments.of(Masking.Rule.HIDE, PersonalData.ERASED, PersonalData.ERASED));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("table")
    void masksEachKindOfField(Masking.Rule rule, String value, String shown) {
        assertThat(rule.apply(value)).isEqualTo(shown);
    }

    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of(List.of("ROLE_ANALYST"), true),
                Arguments.of(List.of(), true),
                Arguments.of(List.of("ROLE_SOMETHING_NEW"), true),
                Arguments.of(List.of("ROLE_AGENT"), false),
                Arguments.of(List.of("ROLE_AGENT", "ROLE_SUPERVISOR"), false),
                Arguments.of(List.of("ROLE_AUDITOR"), false),
                Arguments.of(List.of("ROLE_ADMIN"), false),
                Arguments.of(List.of("ROLE_ANALYST", "ROLE_AUDITOR"), false));
    }

    /** Masking is the default: only the roles that work with people see their data in clear. */
    @ParameterizedTest(name = "{0} masked: {1}")
    @MethodSource("readers")
    void masksEveryReaderButTheRolesThatWorkWithPeople(List<String> authorities, boolean masked) {
        assertThat(Masking.masks(authorities)).isEqualTo(masked);
    }
}
