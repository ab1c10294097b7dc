package io.careledger.command.customer;

import java.time.LocalDate;

/**
 * Payload of a scheduled {@code customer-birthday} deadline, stored by the deadline manager until it fires;
 * renaming it orphans pending deadlines. It names the recorded date of birth it was planned from, so that a
 * deadline planned before the birthday was corrected is recognised as stale, and the birthday it announces.
 *
 * @param dateOfBirth the customer's birthday as recorded when the deadline was planned
 * @param birthday    the coming birthday (a date in the year it falls) that the deadline announces
 */
public record BirthdayDeadline(LocalDate dateOfBirth, LocalDate birthday) {
}
