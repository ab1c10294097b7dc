package io.careledger.service.deadline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The {@code task_instance} of a deadline in {@code scheduled_tasks}: {@code <name key>@<scope key>#<unique id>}.
 * Every deadline of one name and scope shares the prefix {@code <name key>@<scope key>#}, so cancelling them is a
 * range read on the table's primary key ({@code task_name, task_instance}) instead of a scan of every open
 * deadline. The scope key is a hash of the serialized scope descriptor (the bytes Axon itself compares), so it
 * works for any scope and keeps the id inside {@code task_instance VARCHAR(100)}: a readable
 * "aggregate type + id" key did not fit next to a name and a UUID (117 characters for a complaint).
 */
final class DeadlineInstanceIds {
    /** Longest id: name key (≤ 40) + '@' + scope key (22) + '#' + UUID (36, Axon's identifiers) = 100, the column's width. */
    static final int MAX_LENGTH = 100;
    private static final int MAX_READABLE_NAME = 40;
    /** Names shown as they are; anything else (or longer) is hashed so it cannot widen or break the format. */
    private static final Pattern READABLE_NAME = Pattern.compile("[A-Za-z0-9._:-]+");
    /** 128 bits of SHA-256: a chance collision is negligible, and the candidates are checked against their data anyway. */
    private static final int KEY_BYTES = 16;
    private static final Base64.Encoder KEY = Base64.getUrlEncoder().withoutPadding();

    private DeadlineInstanceIds() {
    }

    /** The id of a deadline of this name, in the scope whose serialized descriptor is given, unique by {@code unique}. */
    static String id(String deadlineName, byte[] serializedScope, String unique) {
        return scopePrefix(deadlineName, serializedScope) + unique;
    }

    /** What every id of this name and scope starts with. */
    static String scopePrefix(String deadlineName, byte[] serializedScope) {
        return namePrefix(deadlineName) + KEY.encodeToString(sha256(serializedScope)) + '#';
    }

    /** What every id of this name starts with, whatever the scope. */
    static String namePrefix(String deadlineName) {
        String name = READABLE_NAME.matcher(deadlineName).matches() && deadlineName.length() <= MAX_READABLE_NAME
                ? deadlineName
                : "~" + KEY.encodeToString(sha256(deadlineName.getBytes(StandardCharsets.UTF_8)));
        return name + '@';
    }

    /**
     * Ids made before this format were Axon's random UUIDs: no '@'. Such rows can only be found by the old scan.
     */
    static boolean isScopeKeyed(String taskInstance) {
        return taskInstance.indexOf('@') > 0 && taskInstance.indexOf('#') > taskInstance.indexOf('@');
    }

    /**
     * The smallest string above every string starting with {@code prefix} (the prefix with its last character
     * raised by one); the prefixes here end in '@' or '#', so this never overflows a character.
     */
    static String upperBound(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(bytes), KEY_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
