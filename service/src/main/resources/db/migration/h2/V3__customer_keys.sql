-- One personal-data key per customer (AES-256, raw bytes). Erasure clears key_material and sets erased_at; the row
-- stays as a tombstone so that no new key is ever made for an erased customer.
CREATE TABLE customer_key (
    customer_id  VARCHAR(255)             NOT NULL,
    key_material VARBINARY(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (customer_id)
);
