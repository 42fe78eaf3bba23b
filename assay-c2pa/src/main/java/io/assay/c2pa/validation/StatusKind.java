package io.assay.c2pa.validation;

/** Which list of the reference's {@code validation_results} a status belongs to. */
public enum StatusKind {
    SUCCESS, INFORMATIONAL, FAILURE
}
