package io.careledger.service.privacy;

import io.careledger.api.common.PersonalData;
import java.util.Collection;
import java.util.Set;

/**
 * How personal fields look to a reader who may see the facts but not the person (ANALYST): a phone number keeps
 * its first three and last four digits ({@code 138****5678}), a name its first character ({@code 王*}), an
 * e-mail address its first character and domain ({@code j***@example.com}); an address, a note, a
 * description or a comment is hidden ({@code ***}), a birthday absent. The erasure placeholder stays as it is:
 * it shows nothing either way. Pure; {@code MaskingTest} holds the table.
 */
public final class Masking {
    /** What a masked free text shows. */
    public static final String HIDDEN = "***";
    /** Roles that read personal fields in clear; every other reader (ANALYST, or a role added later) is masked. */
    static final Set<String> CLEAR_READERS = Set.of("ROLE_AGENT", "ROLE_SUPERVISOR", "ROLE_AUDITOR", "ROLE_ADMIN");

    /** One masking rule per kind of personal field. */
    public enum Rule {
        NAME, PHONE, EMAIL, HIDE, ABSENT;

        public String apply(String value) {
            if (value == null || PersonalData.ERASED.equals(value)) {
                return value;
            }
            return switch (this) {
                case NAME -> maskName(value);
                case PHONE -> maskPhone(value);
                case EMAIL -> maskEmail(value);
                case HIDE -> HIDDEN;
                case ABSENT -> null;
            };
        }
    }

    private Masking() {
    }

    /** Whether a reader with these granted authorities sees personal fields masked. */
    public static boolean masks(Collection<String> authorities) {
        return authorities.stream().noneMatch(CLEAR_READERS::contains);
    }

    /** The first character (a whole code point, so a CJK name works) and one star: {@code 王*}, {@code J*}. */
    static String maskName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return HIDDEN;
        }
        return new String(Character.toChars(trimmed.codePointAt(0))) + "*";
    }

    /**
     * The digits only, the first three and last four kept and every one between starred:
     * {@code 13812345678} → {@code 138****5678}. A number of seven digits or fewer keeps only its last two.
     */
    static String maskPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() <= 2) {
            return HIDDEN;
        }
        if (digits.length() <= 7) {
            return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    /** {@code jane@example.com} → {@code j***@example.com}; anything without a local part and domain is hidden. */
    static String maskEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return HIDDEN;
        }
        return new String(Character.toChars(email.codePointAt(0))) + "***" + email.substring(at);
    }
}
