package io.assay.server.taxii;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The few common properties of a STIX object the store needs; the object itself stays JSON. {@code version} is
 * {@code modified}, else {@code created}, else the time it was added (TAXII 2.1 section 3.4.1).
 */
public record StixObject(String id, String type, String specVersion, Instant version, Instant created,
                         String createdByRef, List<String> markingRefs, List<String> redRecipients, JsonNode json) {

    /**
     * Who, besides the creator, may read a TLP:RED object: {@code recipient_refs} in Assay's property extension
     * (assay-exchange's {@link io.assay.exchange.stix.AssayExtension}), so the store and the library agree.
     */
    public static final String RED_RECIPIENTS = "recipient_refs";

    private static final Pattern ID = Pattern.compile(
            "([a-z0-9][a-z0-9-]{0,249})--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A STIX object the store refuses, with the reason given back in the status resource. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    public static StixObject read(JsonNode o, Instant dateAdded) throws Invalid {
        if (o == null || !o.isObject()) {
            throw new Invalid("not a JSON object");
        }
        String id = string(o, "id", true);
        String type = string(o, "type", true);
        var m = ID.matcher(id);
        if (!m.matches()) {
            throw new Invalid("id is not of the form type--UUID");
        }
        if (!m.group(1).equals(type)) {
            throw new Invalid("id does not start with the object's type");
        }
        String spec = string(o, "spec_version", false);
        spec = spec != null ? spec : "2.1";
        Instant created = time(o, "created");
        Instant modified = time(o, "modified");
        Instant version = modified != null ? modified : created != null ? created : dateAdded;
        String createdBy = string(o, "created_by_ref", false);
        return new StixObject(id, type, spec, version, created, createdBy, strings(o, "object_marking_refs"),
                strings(o.path("extensions").path(io.assay.exchange.stix.AssayExtension.ID), RED_RECIPIENTS), o);
    }

    private static String string(JsonNode o, String name, boolean required) throws Invalid {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Invalid(name + " is missing");
            }
            return null;
        }
        if (!v.isString() || v.asString().isBlank() || v.asString().length() > 300) {
            throw new Invalid(name + " must be a non-empty string");
        }
        return v.asString();
    }

    private static Instant time(JsonNode o, String name) throws Invalid {
        String s = string(o, name, false);
        if (s == null) {
            return null;
        }
        if (!s.endsWith("Z")) {
            throw new Invalid(name + " must be a UTC timestamp ending in Z");
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new Invalid(name + " is not an RFC 3339 timestamp");
        }
    }

    private static List<String> strings(JsonNode o, String name) throws Invalid {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new Invalid(name + " must be an array of identifiers");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isString()) {
                throw new Invalid(name + " must be an array of identifiers");
            }
            out.add(e.asString());
        }
        return out;
    }
}
