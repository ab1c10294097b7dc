package io.careledger.service.demo;

import java.time.Instant;

/**
 * A clock the demo data generator can set: every command it sends is decided at the generated moment, as if
 * it had happened then, so the events land over past months with realistic delays between them.
 */
public interface TimeTravel {

    /** From now on the clock reads {@code at}, until the next call or {@link #backToPresent}. */
    void travelTo(Instant at);

    /** The clock follows real time again. */
    void backToPresent();
}
