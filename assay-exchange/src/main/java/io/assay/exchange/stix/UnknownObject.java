package io.assay.exchange.stix;

/**
 * An object of a type this model does not type (or a typed one Assay only passes on): its common properties are read,
 * everything else stays in {@link Common#custom()} verbatim.
 */
public record UnknownObject(Common common) implements StixObject {
}
