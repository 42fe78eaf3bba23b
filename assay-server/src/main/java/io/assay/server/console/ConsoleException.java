package io.assay.server.console;

import org.springframework.http.HttpStatus;

/** A console request that cannot be served, with a sentence for the person who made it. */
public class ConsoleException extends RuntimeException {

    private final HttpStatus status;

    public ConsoleException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
