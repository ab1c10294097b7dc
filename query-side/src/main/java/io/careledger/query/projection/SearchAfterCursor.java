package io.careledger.query.projection;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.careledger.api.common.InvalidValueException;

/**
 * The opaque cursors of every paged search: a hit's sort values, which Elasticsearch's {@code search_after}
 * continues from. Pages ordered by a sort that ends in a unique field go through a changing index without
 * duplicates or gaps. Each value keeps its type (whole number, decimal, text), and the cursor names the sort
 * it belongs to (a checksum of it), so a cursor of another search, or of another order of the same search, is
 * refused as an invalid {@code after} instead of reaching Elasticsearch.
 */
public final class SearchAfterCursor {
    private static final String SEPARATOR = "\n";
    private static final char LONG = 'l';
    private static final char DOUBLE = 'd';
    private static final char STRING = 's';

    private SearchAfterCursor() {
    }

    /** The page size a query asks for, kept within 1 and {@code max}: the edge rejects bad sizes, this is the backstop. */
    public static int pageSize(int requested, int max) {
        return Math.max(1, Math.min(requested, max));
    }

    /** @param sort the sort the values come from, as {@link #signature} names it */
    public static String encode(String sort, List<FieldValue> sortValues) {
        List<String> parts = new ArrayList<>();
        parts.add(sort);
        for (FieldValue value : sortValues) {
            if (value.isLong()) {
                parts.add(LONG + Long.toString(value.longValue()));
            } else if (value.isDouble()) {
                parts.add(DOUBLE + Double.toString(value.doubleValue()));
            } else if (value.isString()) {
                // Ids and keywords never hold a line break, but a cursor must stay unambiguous whatever they hold.
                parts.add(STRING + Base64.getUrlEncoder().withoutPadding().encodeToString(value.stringValue().getBytes(UTF_8)));
            } else {
                throw new IllegalArgumentException("Cannot page on a sort value of kind " + value._kind());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join(SEPARATOR, parts).getBytes(UTF_8));
    }

    /**
     * @param sort  the sort of the search the cursor must come from, as {@link #signature} names it
     * @param arity the number of sort values of that search
     * @throws InvalidValueException (field {@code after}) for anything but a cursor of that search
     */
    public static List<FieldValue> decode(String cursor, String sort, int arity) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), UTF_8).split(SEPARATOR, -1);
            if (parts.length != arity + 1 || !parts[0].equals(sort)) {
                throw notOurs(cursor);
            }
            List<FieldValue> values = new ArrayList<>();
            for (String part : Arrays.asList(parts).subList(1, parts.length)) {
                String body = part.isEmpty() ? "" : part.substring(1);
                switch (part.isEmpty() ? ' ' : part.charAt(0)) {
                    case LONG -> values.add(FieldValue.of(Long.parseLong(body)));
                    case DOUBLE -> values.add(FieldValue.of(Double.parseDouble(body)));
                    case STRING -> values.add(FieldValue.of(new String(Base64.getUrlDecoder().decode(body), UTF_8)));
                    default -> throw notOurs(cursor);
                }
            }
            return values;
        } catch (IllegalArgumentException e) {
            // NumberFormatException and Base64's complaints are IllegalArgumentExceptions too.
            throw e instanceof InvalidValueException invalid ? invalid : notOurs(cursor);
        }
    }

    /** A short name of a sort: a checksum of its description, the same on every instance of the same code. */
    public static String signature(Object sort) {
        CRC32 crc = new CRC32();
        crc.update(String.valueOf(sort).getBytes(UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private static InvalidValueException notOurs(String cursor) {
        return new InvalidValueException("after", "after is not a cursor from this search: " + cursor);
    }
}
