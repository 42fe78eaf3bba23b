package io.assay.exchange.json;

/** Untrusted JSON that could not be read or does not have the expected shape; the message says why. */
public class StixJsonException extends RuntimeException {

    public StixJsonException(String message) {
        super(message);
    }
}
