package io.careledger.service.graphql;

import io.careledger.service.privacy.CustomerKeyStore;
import io.careledger.service.privacy.PersonalDataCipher;
import io.careledger.service.privacy.PersonalDataSerializer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The request ids already answered, per staff member, in the service's database ({@code mutation_request}), so
 * they survive restarts and every instance sees them. A row is claimed (primary key: actor and request id)
 * before the command is sent, which is what keeps two concurrent duplicates from both executing; it keeps the
 * command that was sent, so a retry reads the result back again from that command's own ids.
 */
@Component
public class MutationRequests {
    enum State { PENDING, DONE }

    /** One claimed request id. */
    record Row(String mutation, String fingerprint, State state, Object command) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;

    /**
     * The kept commands go through the same sealing as events: a command holds the personal data it records, and
     * must not keep it in clear beside the sealed events, nor after the customer is erased.
     */
    MutationRequests(JdbcTemplate jdbc, @Qualifier("messageSerializer") Serializer serializer, CustomerKeyStore keys,
                     PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = new PersonalDataSerializer(serializer, keys, cipher);
        this.clock = clock;
    }

    /** Claims the id for {@code command}; empty when this call claimed it, else the row that holds it. */
    Optional<Row> claim(String actor, MutationRequest request, Object command) {
        SerializedObject<byte[]> serialized = serializer.serialize(command, byte[].class);
        try {
            jdbc.update("INSERT INTO mutation_request (actor, request_id, mutation, fingerprint, state, command_type, "
                            + "command_revision, command, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    actor, request.requestId(), request.mutation(), request.fingerprint(), State.PENDING.name(),
                    serialized.getType().getName(), serialized.getType().getRevision(), serialized.getData(),
                    Timestamp.from(clock.instant()));
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return find(actor, request.requestId()).or(() -> claim(actor, request, command));
        }
    }

    /** The refusal for a request id this staff member already used with another input, checked before anything runs. */
    public Optional<UserError> reuseRefusal(String actor, MutationRequest request) {
        return find(actor, request.requestId())
                .filter(row -> !row.mutation().equals(request.mutation()) || !row.fingerprint().equals(request.fingerprint()))
                .map(row -> Mutations.reused(request.requestId()));
    }

    Optional<Row> find(String actor, String requestId) {
        List<Row> rows = jdbc.query("SELECT mutation, fingerprint, state, command_type, command_revision, command "
                        + "FROM mutation_request WHERE actor = ? AND request_id = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), State.valueOf(rs.getString(3)),
                        serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(6), byte[].class, rs.getString(4),
                                rs.getString(5)))),
                actor, requestId);
        return rows.stream().findFirst();
    }

    /** The command was applied: the id now stands for its result for good. */
    void complete(String actor, String requestId) {
        jdbc.update("UPDATE mutation_request SET state = ? WHERE actor = ? AND request_id = ?", State.DONE.name(), actor,
                requestId);
    }

    /** The command was refused and changed nothing: the id is free again, for a corrected retry. */
    void release(String actor, String requestId) {
        jdbc.update("DELETE FROM mutation_request WHERE actor = ? AND request_id = ? AND state = ?", actor, requestId,
                State.PENDING.name());
    }
}
