package io.assay.c2pa.validation.binding;

/** A hard binding that cannot be computed (bad exclusions, malformed assertion); reported as a mismatch. */
final class BindingException extends Exception {

    BindingException(String message) {
        super(message);
    }
}
