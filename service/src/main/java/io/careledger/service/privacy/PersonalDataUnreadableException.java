package io.careledger.service.privacy;

/** A sealed personal value that does not decrypt with its customer's key: altered, or not theirs. */
public class PersonalDataUnreadableException extends RuntimeException {

    public PersonalDataUnreadableException(String message) {
        super(message);
    }
}
