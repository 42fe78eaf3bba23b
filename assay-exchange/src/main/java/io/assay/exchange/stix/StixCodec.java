package io.assay.exchange.stix;

import io.assay.exchange.json.StixJson;
import io.assay.exchange.json.StixJsonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads STIX 2.1 JSON into the model and writes it back. Reading consumes the properties it types; what remains goes
 * to {@link Common#custom()} in order, so {@code write(read(json))} equals {@code json} for any object whose typed
 * properties have their spec types. A typed property of the wrong JSON type is refused ({@link StixJsonException}),
 * since guessing would alter a peer's object. Reading does not validate the spec's rules: see {@link StixValidator}.
 */
public final class StixCodec {

    private StixCodec() {
    }

    public static StixObject read(String json) {
        return read(StixJson.parseObject(json));
    }

    public static StixObject read(ObjectNode json) {
        Props p = new Props(json.deepCopy());
        String type = p.str("type");
        if (type == null) {
            throw new StixJsonException("object without a type");
        }
        // the type-specific properties first, so that common() sees only what is left
        return switch (type) {
            case Indicator.TYPE -> {
                String name = p.str("name");
                String description = p.str("description");
                List<String> types = p.strings("indicator_types");
                String pattern = p.str("pattern");
                String patternType = p.str("pattern_type");
                String patternVersion = p.str("pattern_version");
                Timestamp validFrom = p.ts("valid_from");
                Timestamp validUntil = p.ts("valid_until");
                yield new Indicator(common(type, p), name, description, types, pattern, patternType, patternVersion,
                        validFrom, validUntil);
            }
            case Sighting.TYPE -> {
                String description = p.str("description");
                String of = p.str("sighting_of_ref");
                List<String> observed = p.strings("observed_data_refs");
                List<String> where = p.strings("where_sighted_refs");
                Timestamp first = p.ts("first_seen");
                Timestamp last = p.ts("last_seen");
                Integer count = p.integer("count");
                Boolean summary = p.bool("summary");
                yield new Sighting(common(type, p), description, of, observed, where, first, last, count, summary);
            }
            case Report.TYPE -> {
                String name = p.str("name");
                String description = p.str("description");
                List<String> types = p.strings("report_types");
                Timestamp published = p.ts("published");
                List<String> refs = p.strings("object_refs");
                yield new Report(common(type, p), name, description, types, published, refs);
            }
            case Campaign.TYPE -> {
                String name = p.str("name");
                String description = p.str("description");
                List<String> aliases = p.strings("aliases");
                Timestamp first = p.ts("first_seen");
                Timestamp last = p.ts("last_seen");
                String objective = p.str("objective");
                yield new Campaign(common(type, p), name, description, aliases, first, last, objective);
            }
            case Identity.TYPE -> {
                String name = p.str("name");
                String description = p.str("description");
                List<String> roles = p.strings("roles");
                String identityClass = p.str("identity_class");
                List<String> sectors = p.strings("sectors");
                String contact = p.str("contact_information");
                yield new Identity(common(type, p), name, description, roles, identityClass, sectors, contact);
            }
            case Note.TYPE -> {
                String abstractText = p.str("abstract");
                String content = p.str("content");
                List<String> authors = p.strings("authors");
                List<String> refs = p.strings("object_refs");
                yield new Note(common(type, p), abstractText, content, authors, refs);
            }
            case MarkingDefinition.TYPE -> {
                String name = p.str("name");
                String definitionType = p.str("definition_type");
                ObjectNode definition = p.object("definition");
                yield new MarkingDefinition(common(type, p), name, definitionType, definition);
            }
            case ExtensionDefinition.TYPE -> {
                String name = p.str("name");
                String description = p.str("description");
                String schema = p.str("schema");
                String version = p.str("version");
                List<String> types = p.strings("extension_types");
                yield new ExtensionDefinition(common(type, p), name, description, schema, version, types);
            }
            default -> new UnknownObject(common(type, p));
        };
    }

    private static Common common(String type, Props p) {
        String id = p.str("id");
        String specVersion = p.str("spec_version");
        String createdBy = p.str("created_by_ref");
        Timestamp created = p.ts("created");
        Timestamp modified = p.ts("modified");
        Boolean revoked = p.bool("revoked");
        List<String> labels = p.strings("labels");
        Integer confidence = p.integer("confidence");
        String lang = p.str("lang");
        ArrayNode external = p.array("external_references");
        List<String> markings = p.strings("object_marking_refs");
        ArrayNode granular = p.array("granular_markings");
        ObjectNode extensions = p.object("extensions");
        return new Common(type, id, specVersion, createdBy, created, modified, revoked, labels, confidence, lang,
                external, markings, granular, extensions, p.rest());
    }

    /** The object as STIX JSON (a new tree). */
    public static ObjectNode write(StixObject object) {
        Common c = object.common();
        ObjectNode out = StixJson.newObject();
        out.put("type", c.type());
        put(out, "spec_version", c.specVersion());
        put(out, "id", c.id());
        put(out, "created_by_ref", c.createdByRef());
        put(out, "created", c.created());
        put(out, "modified", c.modified());
        switch (object) {
            case Indicator i -> {
                put(out, "name", i.name());
                put(out, "description", i.description());
                put(out, "indicator_types", i.indicatorTypes());
                put(out, "pattern", i.pattern());
                put(out, "pattern_type", i.patternType());
                put(out, "pattern_version", i.patternVersion());
                put(out, "valid_from", i.validFrom());
                put(out, "valid_until", i.validUntil());
            }
            case Sighting s -> {
                put(out, "description", s.description());
                put(out, "sighting_of_ref", s.sightingOfRef());
                put(out, "observed_data_refs", s.observedDataRefs());
                put(out, "where_sighted_refs", s.whereSightedRefs());
                put(out, "first_seen", s.firstSeen());
                put(out, "last_seen", s.lastSeen());
                if (s.count() != null) {
                    out.put("count", s.count());
                }
                if (s.summary() != null) {
                    out.put("summary", s.summary());
                }
            }
            case Report r -> {
                put(out, "name", r.name());
                put(out, "description", r.description());
                put(out, "report_types", r.reportTypes());
                put(out, "published", r.published());
                put(out, "object_refs", r.objectRefs());
            }
            case Campaign k -> {
                put(out, "name", k.name());
                put(out, "description", k.description());
                put(out, "aliases", k.aliases());
                put(out, "first_seen", k.firstSeen());
                put(out, "last_seen", k.lastSeen());
                put(out, "objective", k.objective());
            }
            case Identity i -> {
                put(out, "name", i.name());
                put(out, "description", i.description());
                put(out, "roles", i.roles());
                put(out, "identity_class", i.identityClass());
                put(out, "sectors", i.sectors());
                put(out, "contact_information", i.contactInformation());
            }
            case Note n -> {
                put(out, "abstract", n.abstractText());
                put(out, "content", n.content());
                put(out, "authors", n.authors());
                put(out, "object_refs", n.objectRefs());
            }
            case MarkingDefinition m -> {
                put(out, "name", m.name());
                put(out, "definition_type", m.definitionType());
                if (m.definition() != null) {
                    out.set("definition", m.definition().deepCopy());
                }
            }
            case ExtensionDefinition e -> {
                put(out, "name", e.name());
                put(out, "description", e.description());
                put(out, "schema", e.schema());
                put(out, "version", e.version());
                put(out, "extension_types", e.extensionTypes());
            }
            case UnknownObject u -> {
                // everything but the common properties is in custom
            }
        }
        if (c.revoked() != null) {
            out.put("revoked", c.revoked());
        }
        put(out, "labels", c.labels());
        if (c.confidence() != null) {
            out.put("confidence", c.confidence());
        }
        put(out, "lang", c.lang());
        if (c.externalReferences() != null) {
            out.set("external_references", c.externalReferences().deepCopy());
        }
        put(out, "object_marking_refs", c.objectMarkingRefs());
        if (c.granularMarkings() != null) {
            out.set("granular_markings", c.granularMarkings().deepCopy());
        }
        if (c.extensions() != null) {
            out.set("extensions", c.extensions().deepCopy());
        }
        c.custom().properties().forEach(e -> out.set(e.getKey(), e.getValue().deepCopy()));
        return out;
    }

    public static String writeString(StixObject object) {
        return StixJson.write(write(object));
    }

    private static void put(ObjectNode out, String name, String value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    private static void put(ObjectNode out, String name, Timestamp value) {
        if (value != null) {
            out.put(name, value.text());
        }
    }

    /** Empty lists are written as absent: STIX forbids empty lists for optional list properties (§3.1). */
    private static void put(ObjectNode out, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode array = out.putArray(name);
            values.forEach(array::add);
        }
    }

    /** Takes typed properties out of an object, refusing wrong JSON types; what is not taken is the rest. */
    private static final class Props {
        private final ObjectNode node;

        Props(ObjectNode node) {
            this.node = node;
        }

        private JsonNode take(String name) {
            JsonNode value = node.get(name);
            if (value == null) {
                return null;
            }
            node.remove(name);
            return value;
        }

        String str(String name) {
            JsonNode v = take(name);
            if (v == null) {
                return null;
            }
            if (!v.isString()) {
                throw new StixJsonException(name + " must be a string");
            }
            return v.stringValue();
        }

        Timestamp ts(String name) {
            String s = str(name);
            return s == null ? null : new Timestamp(s);
        }

        Boolean bool(String name) {
            JsonNode v = take(name);
            if (v == null) {
                return null;
            }
            if (!v.isBoolean()) {
                throw new StixJsonException(name + " must be a boolean");
            }
            return v.booleanValue();
        }

        Integer integer(String name) {
            JsonNode v = take(name);
            if (v == null) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new StixJsonException(name + " must be an integer");
            }
            return v.intValue();
        }

        List<String> strings(String name) {
            JsonNode v = take(name);
            if (v == null) {
                return null;
            }
            if (!v.isArray()) {
                throw new StixJsonException(name + " must be a list of strings");
            }
            List<String> out = new ArrayList<>(v.size());
            for (JsonNode item : v) {
                if (!item.isString()) {
                    throw new StixJsonException(name + " must be a list of strings");
                }
                out.add(item.stringValue());
            }
            return out;
        }

        ArrayNode array(String name) {
            JsonNode v = take(name);
            if (v == null) {
                return null;
            }
            if (!v.isArray()) {
                throw new StixJsonException(name + " must be a list");
            }
            return (ArrayNode) v;
        }

        ObjectNode object(String name) {
            JsonNode v = take(name);
            if (v == null) {
                return null;
            }
            if (!v.isObject()) {
                throw new StixJsonException(name + " must be an object");
            }
            return (ObjectNode) v;
        }

        ObjectNode rest() {
            return node;
        }
    }
}
