package io.careledger.service.config;

import java.util.Optional;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * Stores events under their {@link io.careledger.api.common.EventName} instead of the Java class name, and
 * maps the name back when reading. Everything without a stable name (tokens, deadlines, metadata) passes
 * through to the delegate unchanged, so this is safe to use as Axon's event serializer.
 */
public final class StableEventNameSerializer implements Serializer {
    private final Serializer delegate;
    private final EventNames names;

    public StableEventNameSerializer(Serializer delegate, EventNames names) {
        this.delegate = delegate;
        this.names = names;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> serialized = delegate.serialize(object, expectedRepresentation);
        if (object == null) {
            return serialized;
        }
        return new SimpleSerializedObject<>(serialized.getData(), serialized.getContentType(),
                typeForClass(object.getClass()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return delegate.deserialize(toClassNamed(serializedObject));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Optional<Class<?>> known = names.classOf(type.getName());
        return known.isPresent() ? known.get() : delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        SerializedType delegated = delegate.typeForClass(type);
        return names.nameOf(type)
                    .<SerializedType>map(name -> new SimpleSerializedType(name, delegated.getRevision()))
                    .orElse(delegated);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private <S> SerializedObject<S> toClassNamed(SerializedObject<S> stored) {
        SerializedType type = stored.getType();
        return names.classOf(type.getName())
                    .<SerializedObject<S>>map(c -> new SimpleSerializedObject<>(stored.getData(),
                            stored.getContentType(), new SimpleSerializedType(c.getName(), type.getRevision())))
                    .orElse(stored);
    }
}
