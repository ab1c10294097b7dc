package io.careledger.command.eventstore;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

/** A test serializer that changes or watches one part of another's work and hands it everything else. */
public interface ForwardingSerializer extends Serializer {

    Serializer delegate();

    @Override
    default <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate().serialize(object, expectedRepresentation);
    }

    @Override
    default <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate().canSerializeTo(expectedRepresentation);
    }

    @Override
    default <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return delegate().deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    default Class classForType(SerializedType type) {
        return delegate().classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    default SerializedType typeForClass(Class type) {
        return delegate().typeForClass(type);
    }

    @Override
    default Converter getConverter() {
        return delegate().getConverter();
    }
}
