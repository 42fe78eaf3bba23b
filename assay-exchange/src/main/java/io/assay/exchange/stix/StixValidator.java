package io.assay.exchange.stix;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks STIX 2.1 JSON against the spec's MUST rules for the object types Assay exchanges (§2 data types, §3 common
 * properties, §4 indicator, report, campaign, identity, note, §5 sighting, §7 marking-definition and
 * extension-definition, §8 bundle), plus the shape of Assay's own extension. Other object types get the common checks
 * only. Written from the spec text; this is not the OASIS JSON-schema validation (see the module README).
 * Works on JSON so that what a peer sent is judged before anything is built from it.
 */
public final class StixValidator {

    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9_]{1,250}");
    private static final Set<String> EXTENSION_TYPES = Set.of("new-sdo", "new-sco", "new-sro", "property-extension",
            "toplevel-property-extension");
    /** Object types that hold no created/modified of their own or are not versioned like SDOs. */
    private static final Set<String> SCO_TYPES = Set.of("artifact", "autonomous-system", "directory", "domain-name",
            "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic",
            "process", "software", "url", "user-account", "windows-registry-key", "x509-certificate");

    private StixValidator() {
    }

    /** The broken rules of one object (empty when it passes). */
    public static List<ValidationError> validate(StixObject object) {
        return validate(StixCodec.write(object));
    }

    /** The broken rules of a bundle and every object in it; extension references must resolve within the bundle. */
    public static List<ValidationError> validate(Bundle bundle) {
        return validateBundle(bundle.toJson());
    }

    public static List<ValidationError> validateBundle(JsonNode bundle) {
        Checks c = new Checks(bundle.path("id").asString("bundle"));
        if (!bundle.isObject()) {
            c.error("", "a bundle must be a JSON object");
            return c.errors;
        }
        if (!Bundle.TYPE.equals(bundle.path("type").asString(null))) {
            c.error("type", "must be \"bundle\"");
        }
        c.id(bundle, Bundle.TYPE);
        JsonNode objects = bundle.get("objects");
        if (objects != null) {
            if (!objects.isArray() || objects.isEmpty()) {
                c.error("objects", "must be a non-empty list when present");
            } else {
                Set<String> definedExtensions = new HashSet<>(Set.of(Tlp.TLP2_EXTENSION_ID));
                objects.forEach(o -> {
                    if (ExtensionDefinition.TYPE.equals(o.path("type").asString(null))) {
                        definedExtensions.add(o.path("id").asString(""));
                    }
                });
                for (int i = 0; i < objects.size(); i++) {
                    JsonNode o = objects.get(i);
                    List<ValidationError> own = validate(o, "objects[" + i + "]");
                    c.errors.addAll(own);
                    if (o.path("extensions").isObject()) {
                        for (String key : o.get("extensions").propertyNames()) {
                            if (key.startsWith("extension-definition--") && !definedExtensions.contains(key)) {
                                c.errors.add(new ValidationError(o.path("id").asString("objects[" + i + "]"),
                                        "extensions", key + " is not defined by an extension-definition in the bundle"));
                            }
                        }
                    }
                }
            }
        }
        return c.errors;
    }

    /** The broken rules of one object's JSON (empty when it passes). */
    public static List<ValidationError> validate(JsonNode json) {
        return validate(json, "object");
    }

    private static List<ValidationError> validate(JsonNode json, String fallbackName) {
        Checks c = new Checks(json.path("id").isString() ? json.get("id").stringValue() : fallbackName);
        if (!json.isObject()) {
            c.error("", "a STIX object must be a JSON object");
            return c.errors;
        }
        String type = json.path("type").asString(null);
        if (!json.path("type").isString() || !StixIds.isValidType(type)) {
            c.error("type", "required: 3-250 characters of a-z, 0-9 and single hyphens");
            return c.errors;
        }
        c.propertyNames((ObjectNode) json);
        boolean sco = SCO_TYPES.contains(type);
        c.id(json, type);
        if (!sco || json.has("spec_version")) {
            if (!"2.1".equals(json.path("spec_version").asString(null))) {
                c.error("spec_version", "required, must be \"2.1\"");
            }
        }
        boolean versioned = !sco && !MarkingDefinition.TYPE.equals(type);
        if (!sco) {
            c.timestamp(json, "created", true, true);
        }
        if (versioned) {
            c.timestamp(json, "modified", true, true);
            c.notBefore(json, "modified", "created");
        } else if (MarkingDefinition.TYPE.equals(type) && json.has("modified")) {
            c.error("modified", "marking definitions are not versioned and have no modified");
        }
        c.ref(json, "created_by_ref", Set.of(Identity.TYPE), false);
        c.bool(json, "revoked");
        c.strings(json, "labels", false);
        c.string(json, "lang", false);
        JsonNode confidence = json.get("confidence");
        if (confidence != null && !(confidence.isIntegralNumber() && confidence.canConvertToInt()
                && confidence.intValue() >= 0 && confidence.intValue() <= 100)) {
            c.error("confidence", "must be an integer from 0 to 100");
        }
        c.externalReferences(json);
        c.refs(json, "object_marking_refs", Set.of(MarkingDefinition.TYPE), false);
        c.granularMarkings(json);
        c.extensions(json);
        switch (type) {
            case Indicator.TYPE -> {
                c.string(json, "name", false);
                c.string(json, "description", false);
                c.strings(json, "indicator_types", false);
                c.string(json, "pattern", true);
                c.string(json, "pattern_type", true);
                c.string(json, "pattern_version", false);
                c.timestamp(json, "valid_from", true, false);
                c.timestamp(json, "valid_until", false, false);
                c.after(json, "valid_until", "valid_from");
            }
            case Sighting.TYPE -> {
                c.ref(json, "sighting_of_ref", null, true);
                // typeOf is null for a malformed id (already reported by ref()); Set.of rejects contains(null)
                String ofType = StixIds.typeOf(json.path("sighting_of_ref").asString(""));
                if (ofType != null && (SCO_TYPES.contains(ofType) || "relationship".equals(ofType)
                        || Sighting.TYPE.equals(ofType))) {
                    c.error("sighting_of_ref", "must reference an SDO");
                }
                c.refs(json, "observed_data_refs", Set.of("observed-data"), false);
                c.refs(json, "where_sighted_refs", Set.of(Identity.TYPE, "location"), false);
                c.timestamp(json, "first_seen", false, false);
                c.timestamp(json, "last_seen", false, false);
                c.notBefore(json, "last_seen", "first_seen");
                JsonNode count = json.get("count");
                if (count != null && !(count.isIntegralNumber() && count.canConvertToInt() && count.intValue() >= 0
                        && count.intValue() <= 999_999_999)) {
                    c.error("count", "must be an integer from 0 to 999999999");
                }
                c.bool(json, "summary");
            }
            case Report.TYPE -> {
                c.string(json, "name", true);
                c.strings(json, "report_types", false);
                c.timestamp(json, "published", true, false);
                c.refs(json, "object_refs", null, true);
            }
            case Campaign.TYPE -> {
                c.string(json, "name", true);
                c.strings(json, "aliases", false);
                c.timestamp(json, "first_seen", false, false);
                c.timestamp(json, "last_seen", false, false);
                c.notBefore(json, "last_seen", "first_seen");
            }
            case Identity.TYPE -> {
                c.string(json, "name", true);
                c.string(json, "identity_class", false);
                c.strings(json, "roles", false);
                c.strings(json, "sectors", false);
            }
            case Note.TYPE -> {
                c.string(json, "abstract", false);
                c.string(json, "content", true);
                c.strings(json, "authors", false);
                c.refs(json, "object_refs", null, true);
            }
            case MarkingDefinition.TYPE -> c.markingDefinition(json);
            case ExtensionDefinition.TYPE -> {
                if (!json.has("created_by_ref")) {
                    c.error("created_by_ref", "required on an extension-definition");
                }
                c.string(json, "name", true);
                c.string(json, "schema", true);
                c.string(json, "version", true);
                c.strings(json, "extension_types", true);
                json.path("extension_types").forEach(t -> {
                    if (!EXTENSION_TYPES.contains(t.asString(""))) {
                        c.error("extension_types", "unknown extension type " + t);
                    }
                });
            }
            default -> {
                // other types: common properties only
            }
        }
        return c.errors;
    }

    /** Collects the errors of one object. */
    private static final class Checks {
        private final String object;
        private final List<ValidationError> errors = new ArrayList<>();

        Checks(String object) {
            this.object = object;
        }

        void error(String property, String message) {
            errors.add(new ValidationError(object, property, message));
        }

        void propertyNames(ObjectNode json) {
            for (String name : json.propertyNames()) {
                // §3.1 / §11.1: ASCII letters, digits and underscore; custom names at least 3 characters ("id" is the
                // one standard name shorter than that)
                if (!PROPERTY_NAME.matcher(name).matches() || (name.length() < 3 && !name.equals("id"))) {
                    error(name, "property names must be 3-250 characters of a-z, A-Z, 0-9 and _");
                }
            }
        }

        void id(JsonNode json, String type) {
            JsonNode id = json.get("id");
            if (id == null || !id.isString()) {
                error("id", "required");
            } else if (!StixIds.isValid(id.stringValue(), type)) {
                error("id", "must be " + type + "--<RFC 4122 UUID>, got " + id.stringValue());
            }
        }

        void string(JsonNode json, String name, boolean required) {
            JsonNode v = json.get(name);
            if (v == null) {
                if (required) {
                    error(name, "required");
                }
            } else if (!v.isString()) {
                error(name, "must be a string");
            } else if (required && v.stringValue().isEmpty()) {
                error(name, "must not be empty");
            }
        }

        void bool(JsonNode json, String name) {
            JsonNode v = json.get(name);
            if (v != null && !v.isBoolean()) {
                error(name, "must be a boolean");
            }
        }

        void strings(JsonNode json, String name, boolean required) {
            JsonNode v = json.get(name);
            if (v == null) {
                if (required) {
                    error(name, "required");
                }
                return;
            }
            if (!v.isArray() || v.isEmpty()) {
                error(name, "must be a non-empty list of strings (§3.1: empty lists are prohibited)");
                return;
            }
            v.forEach(item -> {
                if (!item.isString()) {
                    error(name, "must be a list of strings");
                }
            });
        }

        void timestamp(JsonNode json, String name, boolean required, boolean milliseconds) {
            JsonNode v = json.get(name);
            if (v == null) {
                if (required) {
                    error(name, "required");
                }
            } else if (!v.isString() || !Timestamp.isValid(v.stringValue())) {
                error(name, "must be an RFC 3339 timestamp in UTC ending in Z, e.g. 2026-11-25T12:00:00.000Z");
            } else if (milliseconds && !new Timestamp(v.stringValue()).hasMillisecondPrecision()) {
                error(name, "must be precise to at least the millisecond");
            }
        }

        private Timestamp ts(JsonNode json, String name) {
            JsonNode v = json.get(name);
            return v != null && v.isString() && Timestamp.isValid(v.stringValue()) ? new Timestamp(v.stringValue())
                    : null;
        }

        void notBefore(JsonNode json, String later, String earlier) {
            Timestamp l = ts(json, later);
            Timestamp e = ts(json, earlier);
            if (l != null && e != null && l.compareTo(e) < 0) {
                error(later, "must be later than or equal to " + earlier);
            }
        }

        void after(JsonNode json, String later, String earlier) {
            Timestamp l = ts(json, later);
            Timestamp e = ts(json, earlier);
            if (l != null && e != null && l.compareTo(e) <= 0) {
                error(later, "must be later than " + earlier);
            }
        }

        void ref(JsonNode json, String name, Set<String> types, boolean required) {
            JsonNode v = json.get(name);
            if (v == null) {
                if (required) {
                    error(name, "required");
                }
            } else if (!v.isString() || !StixIds.isValid(v.stringValue(), null)) {
                error(name, "must be a STIX identifier");
            } else if (types != null && !types.contains(StixIds.typeOf(v.stringValue()))) {
                error(name, "must reference one of " + types + ", got " + v.stringValue());
            }
        }

        void refs(JsonNode json, String name, Set<String> types, boolean required) {
            JsonNode v = json.get(name);
            if (v == null) {
                if (required) {
                    error(name, "required");
                }
                return;
            }
            if (!v.isArray() || v.isEmpty()) {
                error(name, "must be a non-empty list of identifiers");
                return;
            }
            for (JsonNode item : v) {
                if (!item.isString() || !StixIds.isValid(item.stringValue(), null)) {
                    error(name, "must hold STIX identifiers, got " + item);
                } else if (types != null && !types.contains(StixIds.typeOf(item.stringValue()))) {
                    error(name, "must reference one of " + types + ", got " + item.stringValue());
                }
            }
        }

        void externalReferences(JsonNode json) {
            JsonNode refs = json.get("external_references");
            if (refs == null) {
                return;
            }
            if (!refs.isArray() || refs.isEmpty()) {
                error("external_references", "must be a non-empty list");
                return;
            }
            for (JsonNode ref : refs) {
                if (!ref.isObject() || !ref.path("source_name").isString()) {
                    error("external_references", "each needs a source_name string");
                } else if (!ref.has("description") && !ref.has("url") && !ref.has("external_id")) {
                    error("external_references", "each needs a description, url or external_id besides source_name");
                }
            }
        }

        void granularMarkings(JsonNode json) {
            JsonNode list = json.get("granular_markings");
            if (list == null) {
                return;
            }
            if (!list.isArray() || list.isEmpty()) {
                error("granular_markings", "must be a non-empty list");
                return;
            }
            for (JsonNode g : list) {
                boolean marking = g.has("marking_ref");
                boolean lang = g.has("lang");
                if (marking == lang) {
                    error("granular_markings", "each needs exactly one of marking_ref and lang");
                }
                if (marking && !StixIds.isValid(g.path("marking_ref").asString(null), MarkingDefinition.TYPE)) {
                    error("granular_markings", "marking_ref must be a marking-definition id");
                }
                if (!g.path("selectors").isArray() || g.path("selectors").isEmpty()) {
                    error("granular_markings", "each needs a non-empty list of selectors");
                }
            }
        }

        void extensions(JsonNode json) {
            JsonNode ext = json.get("extensions");
            if (ext == null) {
                return;
            }
            if (!ext.isObject() || ext.isEmpty()) {
                error("extensions", "must be a non-empty dictionary");
                return;
            }
            for (Map.Entry<String, JsonNode> e : ext.properties()) {
                String key = e.getKey();
                JsonNode body = e.getValue();
                if (!body.isObject()) {
                    error("extensions", key + " must map to an object");
                    continue;
                }
                if (key.startsWith("extension-definition--")) {
                    if (!StixIds.isValid(key, ExtensionDefinition.TYPE)) {
                        error("extensions", key + " is not an extension-definition id");
                    }
                    String extensionType = body.path("extension_type").asString(null);
                    if (!"property-extension".equals(extensionType)
                            && !"toplevel-property-extension".equals(extensionType)) {
                        error("extensions", key + " needs extension_type property-extension or "
                                + "toplevel-property-extension");
                    }
                } else if (!SCO_TYPES.contains(json.path("type").asString(""))) {
                    // predefined extensions (archive-ext, ...) exist only on SCOs
                    error("extensions", key + " must be an extension-definition id");
                }
                if (AssayExtension.ID.equals(key)) {
                    assayExtension(body);
                }
            }
        }

        void assayExtension(JsonNode body) {
            String p = "extensions." + AssayExtension.ID + ".";
            if (!"property-extension".equals(body.path("extension_type").asString(null))) {
                error(p + "extension_type", "must be property-extension");
            }
            JsonNode hashes = body.get("perceptual_hashes");
            if (hashes != null) {
                if (!hashes.isArray() || hashes.isEmpty()) {
                    error(p + "perceptual_hashes", "must be a non-empty list");
                } else {
                    for (JsonNode h : hashes) {
                        JsonNode q = h.path("quality");
                        if (!h.path("algorithm").isString() || !h.path("value").isString()
                                || h.path("value").stringValue().isEmpty()) {
                            error(p + "perceptual_hashes", "each needs algorithm and value strings");
                        } else if (!q.isMissingNode() && !(q.isIntegralNumber() && q.canConvertToInt()
                                && q.intValue() >= 0 && q.intValue() <= 100)) {
                            error(p + "perceptual_hashes", "quality must be an integer from 0 to 100");
                        }
                    }
                }
            }
            JsonNode reach = body.get("reach");
            if (reach != null && !(reach.isIntegralNumber() && reach.canConvertToLong() && reach.longValue() >= 0)) {
                error(p + "reach", "must be an integer >= 0");
            }
            refs(body, "recipient_refs", Set.of(Identity.TYPE), false);
            // refs() names the property without the prefix; good enough to find it
            JsonNode review = body.get("claim_review");
            if (review != null && !review.isObject()) {
                error(p + "claim_review", "must be an object");
            } else if (review != null && review.has("date_published")
                    && !Timestamp.isValid(review.path("date_published").asString(null))) {
                error(p + "claim_review", "date_published must be a STIX timestamp");
            }
        }

        void markingDefinition(JsonNode json) {
            string(json, "name", false);
            boolean hasType = json.has("definition_type");
            boolean hasDefinition = json.has("definition");
            if (hasType != hasDefinition) {
                error("definition", "definition_type and definition go together");
            }
            if (!hasType && !json.has("extensions")) {
                error("definition", "needs definition_type and definition, or an extension (e.g. TLP 2.0)");
            }
            if (hasType) {
                string(json, "definition_type", true);
                if (!json.path("definition").isObject()) {
                    error("definition", "must be an object");
                } else if ("tlp".equals(json.path("definition_type").asString(null))
                        && !json.path("definition").path("tlp").isString()) {
                    error("definition", "a tlp definition needs a tlp string");
                } else if ("statement".equals(json.path("definition_type").asString(null))
                        && !json.path("definition").path("statement").isString()) {
                    error("definition", "a statement definition needs a statement string");
                }
            }
        }
    }
}
