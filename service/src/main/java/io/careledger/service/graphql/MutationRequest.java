package io.careledger.service.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The mutation being answered, as the client sent it: its name, its {@code requestId} and a fingerprint of the rest
 * of its input. Set around the controller call by the operation guard, read by {@link Mutations#execute} to make
 * the request idempotent. Graphql-java runs a document's mutations one after another on the calling thread, and the
 * controllers call {@code execute} synchronously, so a thread-local is enough to carry it.
 */
public record MutationRequest(String mutation, String requestId, String fingerprint) {
    private static final ThreadLocal<MutationRequest> CURRENT = new ThreadLocal<>();

    /** {@code null} when the input carries no request id: such a request is simply executed. */
    public static MutationRequest of(String mutation, Map<String, Object> input) {
        if (input == null || !(input.get(InputRules.REQUEST_ID) instanceof String requestId)) {
            return null;
        }
        TreeMap<String, Object> rest = new TreeMap<>(input);
        rest.remove(InputRules.REQUEST_ID);
        return new MutationRequest(mutation, requestId, sha256(mutation + ":" + canonical(rest)));
    }

    public static <T> T during(MutationRequest request, Supplier<T> call) {
        MutationRequest previous = CURRENT.get();
        CURRENT.set(request);
        try {
            return call.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    /**
     * The request, for the first command sent while answering it. Taken, not read: a mutation that sends several
     * commands (planning home visits) keys only the first one, and those are idempotent by their derived ids.
     */
    static MutationRequest take() {
        MutationRequest request = CURRENT.get();
        CURRENT.remove();
        return request;
    }

    /** Map keys sorted, so the same input always prints the same however the client ordered its fields. */
    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            new TreeMap<>(map).forEach((k, v) -> out.append(quote(String.valueOf(k))).append(':').append(canonical(v)).append(','));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(v -> out.append(canonical(v)).append(','));
            return out.append(']').toString();
        }
        return value == null ? "null" : quote(value.toString());
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
