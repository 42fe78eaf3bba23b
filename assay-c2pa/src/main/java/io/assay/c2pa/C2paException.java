package io.assay.c2pa;

/**
 * A C2PA manifest store that is present but cannot be read: a malformed container segment, a JUMBF box whose length
 * overruns its parent, a claim that is not CBOR, a store over the size cap. The message is one line and names the
 * offset or element at fault, so that the scan pipeline can report it as it is.
 */
public class C2paException extends Exception {

    public C2paException(String message) {
        super(message);
    }

    public C2paException(String message, Throwable cause) {
        super(message, cause);
    }
}
