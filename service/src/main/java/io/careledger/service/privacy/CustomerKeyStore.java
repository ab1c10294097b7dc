package io.careledger.service.privacy;

import io.careledger.api.customer.CustomerId;
import io.careledger.command.customer.PersonalDataKeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customers' personal-data keys, one AES key per customer in the {@code customer_key} table of the service's
 * database (H2 embedded, PostgreSQL in production). Erasing a customer clears the key bytes and keeps the row as
 * a tombstone with the erasure time: the tombstone stops a late write from making a new key, so nothing personal
 * about an erased customer can become readable again.
 * <p>
 * Keys are cached, because every stored or read event with personal fields needs one: a key for at most
 * {@code keyCacheTtl} (another instance's erasure reaches this one's readers within that time), an erasure
 * for good (it is final). {@link #shred} updates this instance's cache at once. The cache is bounded, least
 * recently used first out.
 */
public class CustomerKeyStore implements PersonalDataKeys {

    /** What the store knows of a customer's key. */
    public sealed interface KeyState permits Active, Erased, Absent {
    }

    public record Active(SecretKey key) implements KeyState {
    }

    public record Erased(Instant erasedAt) implements KeyState {
    }

    /** No key was ever made for the customer (or its row is lost): nothing sealed for them can be read. */
    public record Absent() implements KeyState {
    }

    private record Cached(KeyState state, Instant loadedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final Duration keyCacheTtl;
    private final Map<String, Cached> cache;

    /**
     * @param transactions every write of this store commits in a transaction of its own, before the command's
     *                     events are appended: a new key is stored before anything sealed with it (else a crash in
     *                     between, with events in KurrentDB, would leave values no key opens), and an erasure is
     *                     final before it is recorded (else a recorded erasure could leave the key readable)
     */
    public CustomerKeyStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, PersonalDataCipher cipher,
                            Clock clock, Duration keyCacheTtl, int keyCacheSize) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cipher = cipher;
        this.clock = clock;
        this.keyCacheTtl = keyCacheTtl;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > keyCacheSize;
            }
        };
    }

    /** The customer's key state for reading. */
    public KeyState lookup(String customerId) {
        Cached cached = cached(customerId);
        if (cached != null) {
            return cached.state();
        }
        KeyState stored = load(customerId);
        if (!(stored instanceof Absent)) {
            remember(customerId, stored);
        }
        return stored;
    }

    /**
     * The key to seal a new personal value with, made on first use.
     *
     * @return empty when the customer's personal data was erased: nothing may be sealed for them any more
     */
    public Optional<SecretKey> forWriting(String customerId) {
        KeyState state = lookup(customerId);
        if (state instanceof Absent) {
            state = create(customerId);
        }
        return state instanceof Active active ? Optional.of(active.key()) : Optional.empty();
    }

    /** Clears the key bytes and leaves the tombstone; a second call finds the tombstone and changes nothing. */
    @Override
    public void shred(CustomerId customerId) {
        try {
            ownTransaction.executeWithoutResult(status -> shredStored(customerId.value()));
        } catch (DuplicateKeyException raced) {
            // A key was made in between (its transaction won): this time the update finds and clears it.
            ownTransaction.executeWithoutResult(status -> shredStored(customerId.value()));
        }
        remember(customerId.value(), load(customerId.value()));
    }

    private void shredStored(String id) {
        Instant now = clock.instant();
        int updated = jdbc.update("UPDATE customer_key SET key_material = NULL, erased_at = ? "
                + "WHERE customer_id = ? AND erased_at IS NULL", Timestamp.from(now), id);
        if (updated == 0 && load(id) instanceof Absent) {
            jdbc.update("INSERT INTO customer_key (customer_id, key_material, created_at, erased_at) "
                    + "VALUES (?, NULL, ?, ?)", id, Timestamp.from(now), Timestamp.from(now));
        }
    }

    private KeyState create(String customerId) {
        SecretKey key = cipher.newKey();
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO customer_key (customer_id, key_material, created_at) VALUES (?, ?, ?)",
                    customerId, key.getEncoded(), Timestamp.from(clock.instant())));
        } catch (DuplicateKeyException raced) {
            // Another writer made the customer's key (or erased them) first: use what is stored.
            KeyState stored = load(customerId);
            remember(customerId, stored);
            return stored;
        }
        KeyState created = new Active(key);
        remember(customerId, created);
        return created;
    }

    private KeyState load(String customerId) {
        List<KeyState> rows = jdbc.query("SELECT key_material, erased_at FROM customer_key WHERE customer_id = ?",
                (row, number) -> {
                    Timestamp erasedAt = row.getTimestamp("erased_at");
                    byte[] material = row.getBytes("key_material");
                    if (erasedAt != null || material == null) {
                        return new Erased(erasedAt == null ? null : erasedAt.toInstant());
                    }
                    return new Active(PersonalDataCipher.key(material));
                }, customerId);
        return rows.isEmpty() ? new Absent() : rows.get(0);
    }

    private Cached cached(String customerId) {
        synchronized (cache) {
            Cached cached = cache.get(customerId);
            if (cached == null) {
                return null;
            }
            boolean stale = cached.state() instanceof Active
                    && cached.loadedAt().plus(keyCacheTtl).isBefore(clock.instant());
            if (stale) {
                cache.remove(customerId);
                return null;
            }
            return cached;
        }
    }

    private void remember(String customerId, KeyState state) {
        if (state instanceof Absent) {
            return;
        }
        synchronized (cache) {
            cache.put(customerId, new Cached(state, clock.instant()));
        }
    }

    /** Forgets every cached key, as after a restart. */
    public void clearCache() {
        synchronized (cache) {
            cache.clear();
        }
    }
}
