package io.careledger.query.cases;

/**
 * An event payload as JSON for people to read (the audit trail): the stored form, but with personal fields in
 * clear while their key exists, never the sealed values the store holds. The service provides it beside the
 * event serializer.
 */
@FunctionalInterface
public interface ReadablePayloads {

    String json(Object payload);
}
