package io.careledger.service.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careledger.api.common.Channel;
import io.careledger.api.common.PersonalData;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.NoteCategory;
import io.careledger.api.customer.ProfileNoteRecorded;
import io.careledger.api.customer.Tier;
import io.careledger.service.config.EventNames;
import io.careledger.service.config.StableEventNameSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The serializer both storage engines store events through, on a real H2 key table from the Flyway migration. */
class PersonalDataSerializerTest {
    static final EventNames NAMES = EventNames.scan("io.careledger.api");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final CustomerId CUSTOMER = CustomerId.of("c-privacy-1");
    private static final CustomerRegistered REGISTERED = new CustomerRegistered(CUSTOMER, "王芳 Wang Fang",
            "13812345678", "wang.fang@example.com", Gender.FEMALE, LocalDate.of(1990, 4, 30), StoreId.of("SH-001"),
            Channel.STORE_DESK, Set.of(ConsentPurpose.DATA_PROCESSING), "上海市南京路 1 号", "M", ContactChannel.SMS,
            Tier.MEMBER, StaffId.of("agent"), NOW);

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final JdbcDataSource dataSource = dataSource();
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final CustomerKeyStore keys = keyStore();
    private final Serializer plain = namedJson();
    private final PersonalDataSerializer serializer = new PersonalDataSerializer(plain, keys, cipher);

    private static JdbcDataSource dataSource() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try {
            new JdbcTemplate(source).execute(Files.readString(
                    Path.of("src/main/resources/db/migration/h2/V3__customer_keys.sql")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return source;
    }

    private CustomerKeyStore keyStore() {
        return new CustomerKeyStore(jdbc, new DataSourceTransactionManager(dataSource), cipher, clock,
                Duration.ofSeconds(60), 100);
    }

    static Serializer namedJson() {
        Serializer json = Jackson3Serializer.builder().revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(PersonalDataSerializerTest.class.getClassLoader())).build();
        return new StableEventNameSerializer(json, NAMES);
    }

    private String stored(Object event) {
        return new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    private <T> T read(SerializedObject<byte[]> stored) {
        return serializer.deserialize(stored);
    }

    @Test
    void noPersonalFieldIsStoredInClearAndEveryOneReadsBack() {
        SerializedObject<byte[]> stored = serializer.serialize(REGISTERED, byte[].class);
        String json = new String(stored.getData(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("王芳", "Wang Fang", "13812345678", "5678", "wang.fang", "南京路", "1990")
                .contains("\"customerId\":\"c-privacy-1\"", "\"homeStoreId\":\"SH-001\"", "\"tier\":\"MEMBER\"",
                        "\"name\":\"pd1:", "\"phone\":\"pd1:", "\"email\":\"pd1:", "\"birthday\":\"pd1:",
                        "\"address\":\"pd1:");
        assertThat(stored.getType().getName()).isEqualTo("customer.registered");
        assertThat((Object) read(stored)).isEqualTo(REGISTERED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_key WHERE customer_id = ?", Integer.class,
                CUSTOMER.value())).isEqualTo(1);
    }

    @Test
    void anEventWithoutPersonalDataIsStoredExactlyAsBefore() {
        CustomerTagged tagged = new CustomerTagged(CUSTOMER, "vip", StaffId.of("agent"), NOW);

        assertThat(serializer.serialize(tagged, byte[].class).getData())
                .isEqualTo(plain.serialize(tagged, byte[].class).getData());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_key", Integer.class)).isZero();
    }

    @Test
    void afterTheErasureEveryPersonalFieldReadsAsThePlaceholderAndTheFactsStay() {
        SerializedObject<byte[]> registration = serializer.serialize(REGISTERED, byte[].class);
        SerializedObject<byte[]> note = serializer.serialize(new ProfileNoteRecorded(CUSTOMER, NoteCategory.FAMILY,
                "两个孩子 two children", StaffId.of("agent"), NOW), byte[].class);

        keys.shred(CUSTOMER);

        CustomerRegistered erased = read(registration);
        assertThat(erased).isEqualTo(new CustomerRegistered(CUSTOMER, PersonalData.ERASED, PersonalData.ERASED,
                PersonalData.ERASED, Gender.FEMALE, null, StoreId.of("SH-001"), Channel.STORE_DESK,
                Set.of(ConsentPurpose.DATA_PROCESSING), PersonalData.ERASED, "M", ContactChannel.SMS, Tier.MEMBER,
                StaffId.of("agent"), NOW));
        assertThat(((ProfileNoteRecorded) read(note)).text()).isEqualTo(PersonalData.ERASED);
        assertThat(jdbc.queryForList("SELECT key_material FROM customer_key WHERE customer_id = ?", CUSTOMER.value()))
                .singleElement().satisfies(row -> assertThat(row.get("KEY_MATERIAL")).isNull());
    }

    /** Another store's data or a lost key row: the values cannot be opened, so readers get the placeholder. */
    @Test
    void aMissingKeyReadsAsThePlaceholder() {
        SerializedObject<byte[]> stored = serializer.serialize(REGISTERED, byte[].class);
        jdbc.update("DELETE FROM customer_key");
        keys.clearCache();

        CustomerRegistered read = read(stored);
        assertThat(read.name()).isEqualTo(PersonalData.ERASED);
        assertThat(read.birthday()).isNull();
        assertThat(read.homeStoreId()).isEqualTo(StoreId.of("SH-001"));
    }

    @Test
    void anAlteredValueIsRefusedNotGuessedAt() {
        String json = stored(REGISTERED);
        String sealedName = json.substring(json.indexOf("\"name\":\"pd1:") + 8, json.indexOf('"', json.indexOf("\"name\":\"pd1:") + 8));
        char[] chars = sealedName.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        byte[] tampered = json.replace(sealedName, new String(chars)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(new SimpleSerializedObject<>(tampered, byte[].class,
                plain.typeForClass(CustomerRegistered.class))))
                .isInstanceOf(PersonalDataUnreadableException.class);
    }

    /** A value moved into another customer's event meets that customer's key (and id): refused. */
    @Test
    void aValueUnderAnotherCustomersKeyIsRefused() {
        CustomerId other = CustomerId.of("c-privacy-2");
        serializer.serialize(new ProfileNoteRecorded(other, NoteCategory.STYLE, "x", StaffId.of("agent"), NOW),
                byte[].class);
        byte[] moved = stored(REGISTERED).replace("c-privacy-1", "c-privacy-2").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(new SimpleSerializedObject<>(moved, byte[].class,
                plain.typeForClass(CustomerRegistered.class))))
                .isInstanceOf(PersonalDataUnreadableException.class);
    }

    /** A write racing the erasure (its command read the file before): nothing personal is stored, no key made. */
    @Test
    void aWriteAfterTheErasureStoresThePlaceholderAndMakesNoNewKey() {
        keys.shred(CUSTOMER);

        String json = stored(REGISTERED);

        assertThat(json).doesNotContain("王芳", "13812345678", "pd1:").contains("\"name\":\"[erased]\"",
                "\"birthday\":null");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_key WHERE key_material IS NOT NULL",
                Integer.class)).isZero();
    }

    @Test
    void aValueStoredInClearBeforeSealingExistedReadsAsItIsUntilTheErasure() {
        byte[] legacy = plain.serialize(REGISTERED, byte[].class).getData();
        SimpleSerializedObject<byte[]> stored = new SimpleSerializedObject<>(legacy, byte[].class,
                plain.typeForClass(CustomerRegistered.class));

        assertThat((Object) read(stored)).isEqualTo(REGISTERED);
        keys.shred(CUSTOMER);
        assertThat(((CustomerRegistered) read(stored)).phone()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void shreddingTwiceChangesNothingAndShreddingWithoutAKeyLeavesATombstone() {
        serializer.serialize(REGISTERED, byte[].class);
        keys.shred(CUSTOMER);
        Object erasedAt = jdbc.queryForObject("SELECT erased_at FROM customer_key", Object.class);
        now.set(NOW.plusSeconds(5));
        keys.shred(CUSTOMER);
        keys.shred(CustomerId.of("c-never-keyed"));

        assertThat(jdbc.queryForObject("SELECT erased_at FROM customer_key WHERE customer_id = ?", Object.class,
                CUSTOMER.value())).isEqualTo(erasedAt);
        assertThat(keys.lookup("c-never-keyed")).isInstanceOf(CustomerKeyStore.Erased.class);
        assertThat(keys.forWriting("c-never-keyed")).isEmpty();
    }

    /**
     * Another instance erased the customer: this one keeps using its cached key until the cache time is up, then
     * sees the erasure. Its own erasure takes effect at once.
     */
    @Test
    void anErasureElsewhereReachesThisInstanceWhenItsCachedKeyExpires() {
        SerializedObject<byte[]> stored = serializer.serialize(REGISTERED, byte[].class);
        CustomerKeyStore elsewhere = keyStore();

        elsewhere.shred(CUSTOMER);

        assertThat(((CustomerRegistered) read(stored)).name()).isEqualTo("王芳 Wang Fang");
        now.set(NOW.plusSeconds(61));
        assertThat(((CustomerRegistered) read(stored)).name()).isEqualTo(PersonalData.ERASED);
    }

    /** The key is found through the event's own customer id, so only events that name their customer can seal. */
    @Test
    void everyEventWithPersonalDataNamesItsCustomer() {
        Set<Class<?>> personal = NAMES.classes().stream().filter(PersonalDataSerializer::hasPersonalData)
                .collect(java.util.stream.Collectors.toSet());

        assertThat(personal).extracting(Class::getSimpleName).containsExactlyInAnyOrder("CustomerRegistered",
                "CustomerProfileUpdated", "ProfileNoteRecorded", "BirthdayApproaching", "SurveyResponseRecorded",
                "ComplaintFiled");
        assertThat(personal).allSatisfy(type -> assertThat(Arrays.stream(type.getRecordComponents())
                .filter(component -> component.getName().equals("customerId"))
                .map(component -> component.getType()))
                .containsExactly((Class) CustomerId.class));
    }
}
