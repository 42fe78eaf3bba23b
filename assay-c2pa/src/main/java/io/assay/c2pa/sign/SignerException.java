package io.assay.c2pa.sign;

/** A signer could not be made: unreadable key or certificates, a key that does not fit the algorithm or certificate. */
public class SignerException extends Exception {

    public SignerException(String message) {
        super(message);
    }

    public SignerException(String message, Throwable cause) {
        super(message, cause);
    }
}
