package io.careledger.service.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {
    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final SecretKey key = cipher.newKey();
    private final byte[] phone = "\"13812345678\"".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedAndTheSealedTextHidesTheValue() {
        String sealed = cipher.seal(key, "c-1", phone);

        assertThat(sealed).startsWith(PersonalDataCipher.PREFIX).doesNotContain("13812345678");
        assertThat(cipher.open(key, "c-1", sealed)).isEqualTo(phone);
        assertThat(key.getEncoded()).hasSize(32);
    }

    @Test
    void everySealingHasItsOwnIvSoEqualValuesDoNotLookEqual() {
        String first = cipher.seal(key, "c-1", phone);
        String second = cipher.seal(key, "c-1", phone);

        assertThat(first).isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first.substring(4))).hasSize(12 + phone.length + 16);
    }

    @Test
    void anAlteredValueIsRefused() {
        byte[] bytes = Base64.getDecoder().decode(cipher.seal(key, "c-1", phone).substring(4));
        bytes[bytes.length - 20] ^= 1;
        String tampered = PersonalDataCipher.PREFIX + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.open(key, "c-1", tampered))
                .isInstanceOf(PersonalDataUnreadableException.class).hasMessageContaining("integrity");
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = cipher.seal(key, "c-1", phone);

        assertThatThrownBy(() -> cipher.open(cipher.newKey(), "c-1", sealed))
                .isInstanceOf(PersonalDataUnreadableException.class);
    }

    /** The customer id is the associated data: a value copied into another customer's event does not open. */
    @Test
    void aValueDoesNotOpenAsAnotherCustomers() {
        String sealed = cipher.seal(key, "c-1", phone);

        assertThatThrownBy(() -> cipher.open(key, "c-2", sealed)).isInstanceOf(PersonalDataUnreadableException.class);
    }

    @Test
    void somethingThatIsNoSealedValueIsRefused() {
        assertThatThrownBy(() -> cipher.open(key, "c-1", "13812345678"))
                .isInstanceOf(PersonalDataUnreadableException.class);
        assertThatThrownBy(() -> cipher.open(key, "c-1", "pd1:not base64!"))
                .isInstanceOf(PersonalDataUnreadableException.class);
        assertThatThrownBy(() -> cipher.open(key, "c-1", "pd1:AAAA"))
                .isInstanceOf(PersonalDataUnreadableException.class).hasMessageContaining("too short");
    }
}
