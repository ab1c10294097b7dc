package io.careledger.service.privacy;

import io.careledger.api.common.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals every {@link PersonalData} field of an event with its customer's key as it is stored, and opens it as
 * it is read, around the JSON the delegate writes. Both storage engines (JDBC and KurrentDB) store events through
 * this serializer, so no personal field reaches the store in clear text, and everything that reads events (the
 * aggregates, projections, case history, replays and rebuilds) gets clear values while the key exists and the
 * placeholder once it is erased: a rebuild cannot bring erased data back.
 * <p>
 * The customer is the event's own {@code customerId}; it stays in clear, it is what finds the key. Objects with
 * no personal field (most events, metadata, tokens, deadlines) pass straight through to the delegate.
 * A personal field of an erased customer reads as {@link PersonalData#ERASED} when it is text and as null
 * otherwise (a birthday), and is written that way too should a write come after the erasure. A value stored in
 * clear (before this serializer existed) is read as it is, unless the customer is erased.
 */
public final class PersonalDataSerializer implements Serializer {
    static final String CUSTOMER_ID = "customerId";

    private record Field(String name, boolean text) {
    }

    private static final ClassValue<List<Field>> PERSONAL_FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return personalFields(type);
        }
    };

    private final Serializer delegate;
    private final CustomerKeyStore keys;
    private final PersonalDataCipher cipher;
    private final JsonMapper json = JsonMapper.builder().build();

    public PersonalDataSerializer(Serializer delegate, CustomerKeyStore keys, PersonalDataCipher cipher) {
        this.delegate = delegate;
        this.keys = keys;
        this.cipher = cipher;
    }

    /** The personal fields of {@code type}: record components marked {@link PersonalData}. */
    static List<Field> personalFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(PersonalData.class)) {
                    fields.add(new Field(component.getName(), component.getType() == String.class));
                }
            }
        }
        return List.copyOf(fields);
    }

    /** Whether objects of {@code type} have fields this serializer seals. */
    public static boolean hasPersonalData(Class<?> type) {
        return !PERSONAL_FIELDS.get(type).isEmpty();
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || PERSONAL_FIELDS.get(object.getClass()).isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<byte[]> clear = delegate.serialize(object, byte[].class);
        byte[] sealed = seal(clear.getData(), PERSONAL_FIELDS.get(object.getClass()));
        T data = getConverter().convert(sealed, byte[].class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, clear.getType());
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        if (type == null || type == UnknownSerializedType.class || PERSONAL_FIELDS.get(type).isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        byte[] stored = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                byte[].class);
        byte[] opened = open(stored, PERSONAL_FIELDS.get(type));
        return delegate.deserialize(new SimpleSerializedObject<>(opened, byte[].class, serializedObject.getType()));
    }

    private byte[] seal(byte[] clear, List<Field> fields) {
        ObjectNode node = (ObjectNode) json.readTree(clear);
        String customerId = customerId(node);
        SecretKey key = null;
        boolean erased = false;
        for (Field field : fields) {
            JsonNode value = node.get(field.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (key == null && !erased) {
                var writable = keys.forWriting(customerId);
                erased = writable.isEmpty();
                key = writable.orElse(null);
            }
            if (erased) {
                placeholder(node, field);
            } else {
                node.put(field.name(), cipher.seal(key, customerId, json.writeValueAsBytes(value)));
            }
        }
        return json.writeValueAsBytes(node);
    }

    private byte[] open(byte[] stored, List<Field> fields) {
        ObjectNode node = (ObjectNode) json.readTree(stored);
        String customerId = customerId(node);
        CustomerKeyStore.KeyState state = null;
        for (Field field : fields) {
            JsonNode value = node.get(field.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (state == null) {
                state = keys.lookup(customerId);
            }
            boolean sealed = value.isString() && PersonalDataCipher.isSealed(value.stringValue());
            if (state instanceof CustomerKeyStore.Active active && sealed) {
                node.set(field.name(), json.readTree(cipher.open(active.key(), customerId, value.stringValue())));
            } else if (sealed || state instanceof CustomerKeyStore.Erased) {
                placeholder(node, field);
            }
        }
        return json.writeValueAsBytes(node);
    }

    private static void placeholder(ObjectNode node, Field field) {
        if (field.text()) {
            node.put(field.name(), PersonalData.ERASED);
        } else {
            node.putNull(field.name());
        }
    }

    private static String customerId(ObjectNode node) {
        JsonNode id = node.get(CUSTOMER_ID);
        if (id == null || !id.isString()) {
            throw new IllegalStateException("An event with personal data names no customer; its fields could not be"
                    + " sealed with the customer's key");
        }
        return id.stringValue();
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
