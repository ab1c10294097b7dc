-- Request ids of mutations already answered (API.md: a repeated request returns the first result and records
-- nothing new). One row per staff member and request id; `command` is the command that was sent, serialized
-- like a message, from which the result is read back again.
CREATE TABLE mutation_request (
    actor            VARCHAR(64)  NOT NULL,
    request_id       VARCHAR(64)  NOT NULL,
    mutation         VARCHAR(100) NOT NULL,
    fingerprint      VARCHAR(64)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    command_type     VARCHAR(255) NOT NULL,
    command_revision VARCHAR(255),
    command          BYTEA        NOT NULL,
    created_at       TIMESTAMP    NOT NULL,
    PRIMARY KEY (actor, request_id)
);
