package io.careledger.service.graphql;

import io.careledger.api.error.ErrorCode;

/** A refusal a client can act on: a stable code, a human message, and the input field at fault if any. */
public record UserError(ErrorCode code, String message, String field) {
}
