package io.careledger.service.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM from the JDK for one personal field at a time. Each value gets a fresh random 96-bit IV; the
 * customer id is the associated data, so a value copied into another customer's event does not decrypt. A
 * sealed value is text ({@code pd1:} + Base64 of IV and ciphertext with its 128-bit tag), so it sits in the JSON
 * payload where the clear value would be; the prefix names the format, so a later format can live beside it.
 */
public final class PersonalDataCipher {
    static final String PREFIX = "pd1:";
    private static final String ALGORITHM = "AES";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BITS = 256;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String ASSOCIATED_DATA = "careledger personal data v1 customer ";

    private final SecureRandom random;

    public PersonalDataCipher(SecureRandom random) {
        this.random = random;
    }

    public PersonalDataCipher() {
        this(new SecureRandom());
    }

    /** A new random key for one customer. */
    public SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(ALGORITHM);
            generator.init(KEY_BITS, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no AES key generator", e);
        }
    }

    /** The key from its stored bytes. */
    public static SecretKey key(byte[] material) {
        return new SecretKeySpec(material, ALGORITHM);
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(SecretKey key, String customerId, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(customerId));
            byte[] sealed = cipher.doFinal(plaintext);
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a personal field", e);
        }
    }

    /**
     * @throws PersonalDataUnreadableException when the value was altered, was sealed with another key, or
     *                                         belongs to another customer: it is refused, never guessed at
     */
    public byte[] open(SecretKey key, String customerId, String sealed) {
        if (!isSealed(sealed)) {
            throw new PersonalDataUnreadableException("Not a sealed personal value");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new PersonalDataUnreadableException("A sealed personal value is not Base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new PersonalDataUnreadableException("A sealed personal value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(associatedData(customerId));
            return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new PersonalDataUnreadableException("A personal value of customer " + customerId
                    + " failed its integrity check (altered, another key or another customer's)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a personal field", e);
        }
    }

    private static byte[] associatedData(String customerId) {
        return (ASSOCIATED_DATA + customerId).getBytes(StandardCharsets.UTF_8);
    }
}
