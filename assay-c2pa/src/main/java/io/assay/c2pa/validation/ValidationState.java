package io.assay.c2pa.validation;

/** The overall verdict on a manifest store, named as the reference names it. */
public enum ValidationState {
    /** A failure in the active manifest other than trust: the claim cannot be relied on. */
    Invalid,
    /** Well-formed, signature and bindings valid; the signer is not (or was not checked to be) trusted. */
    Valid,
    /** Valid, by a trusted signer, with trusted ingredients. */
    Trusted
}
