package io.assay.exchange.stix;

/** One broken STIX 2.1 rule: the object (id, or its index when it has none), the property, and what is wrong. */
public record ValidationError(String object, String property, String message) {

    @Override
    public String toString() {
        return object + " " + property + ": " + message;
    }
}
