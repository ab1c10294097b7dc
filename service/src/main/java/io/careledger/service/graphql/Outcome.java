package io.careledger.service.graphql;

import java.util.List;

/** Either the result read back after a command, or the user errors that refused it (and changed nothing). */
public record Outcome<T>(T value, List<UserError> errors) {

    static <T> Outcome<T> success(T value) {
        return new Outcome<>(value, List.of());
    }

    static <T> Outcome<T> refused(UserError error) {
        return new Outcome<>(null, List.of(error));
    }
}
