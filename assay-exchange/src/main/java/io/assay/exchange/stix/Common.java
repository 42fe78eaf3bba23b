package io.assay.exchange.stix;

import io.assay.exchange.json.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The STIX 2.1 common properties (§3.2) every object here carries, plus {@code custom}: every property this model does
 * not type, kept verbatim so that nothing a peer sent is dropped on a round trip. Optional properties are null (or
 * empty lists) when absent. JSON-valued parts are deep-copied on the way in.
 */
public record Common(
        String type,
        String id,
        String specVersion,
        String createdByRef,
        Timestamp created,
        Timestamp modified,
        Boolean revoked,
        List<String> labels,
        Integer confidence,
        String lang,
        ArrayNode externalReferences,
        List<String> objectMarkingRefs,
        ArrayNode granularMarkings,
        ObjectNode extensions,
        ObjectNode custom) {

    public static final String SPEC_VERSION = "2.1";

    public Common {
        labels = labels == null ? List.of() : List.copyOf(labels);
        objectMarkingRefs = objectMarkingRefs == null ? List.of() : List.copyOf(objectMarkingRefs);
        externalReferences = externalReferences == null ? null : externalReferences.deepCopy();
        granularMarkings = granularMarkings == null ? null : granularMarkings.deepCopy();
        extensions = extensions == null ? null : extensions.deepCopy();
        custom = custom == null ? StixJson.newObject() : custom.deepCopy();
    }

    /** Fresh common properties for a new object: random id, spec_version 2.1, created = modified = now (ms). */
    public static Common create(String type, String createdByRef, Instant now) {
        Timestamp t = Timestamp.of(now);
        return new Common(type, StixIds.random(type), SPEC_VERSION, createdByRef, t, t, null, List.of(), null, null,
                null, List.of(), null, null, null);
    }

    public Common withMarkings(List<String> markingRefs) {
        return new Common(type, id, specVersion, createdByRef, created, modified, revoked, labels, confidence, lang,
                externalReferences, markingRefs, granularMarkings, extensions, custom);
    }

    public Common withLabels(List<String> newLabels) {
        return new Common(type, id, specVersion, createdByRef, created, modified, revoked, newLabels, confidence, lang,
                externalReferences, objectMarkingRefs, granularMarkings, extensions, custom);
    }

    public Common withConfidence(Integer newConfidence) {
        return new Common(type, id, specVersion, createdByRef, created, modified, revoked, labels, newConfidence, lang,
                externalReferences, objectMarkingRefs, granularMarkings, extensions, custom);
    }

    /** Adds (or replaces) one external reference with a source name and URL. */
    public Common withExternalReference(String sourceName, String url, String description) {
        ArrayNode refs = externalReferences == null ? StixJson.mapper().createArrayNode() : externalReferences.deepCopy();
        ObjectNode ref = refs.addObject().put("source_name", sourceName);
        if (url != null) {
            ref.put("url", url);
        }
        if (description != null) {
            ref.put("description", description);
        }
        return new Common(type, id, specVersion, createdByRef, created, modified, revoked, labels, confidence, lang,
                refs, objectMarkingRefs, granularMarkings, extensions, custom);
    }

    /** Adds (or replaces) the extension with the given id (an {@code extension-definition--} id). */
    public Common withExtension(String extensionId, ObjectNode body) {
        ObjectNode ext = extensions == null ? StixJson.newObject() : extensions.deepCopy();
        ext.set(extensionId, body.deepCopy());
        return new Common(type, id, specVersion, createdByRef, created, modified, revoked, labels, confidence, lang,
                externalReferences, objectMarkingRefs, granularMarkings, ext, custom);
    }

    /** The body of one extension, or null. */
    public ObjectNode extension(String extensionId) {
        JsonNode body = extensions == null ? null : extensions.get(extensionId);
        return body instanceof ObjectNode o ? o.deepCopy() : null;
    }

    /** A new version (§3.6): same id and created, modified = max(now, previous modified + 1 ms). */
    public Common newVersion(Instant now) {
        Instant previous = modified == null ? created.instant() : modified.instant();
        Instant next = now.isAfter(previous) ? now : previous.plusMillis(1);
        return new Common(type, id, specVersion, createdByRef, created, Timestamp.of(next), revoked, labels,
                confidence, lang, externalReferences, objectMarkingRefs, granularMarkings, extensions, custom);
    }

    /** The URLs of external references with this source name. */
    public List<String> externalUrls(String sourceName) {
        List<String> urls = new ArrayList<>();
        if (externalReferences != null) {
            for (JsonNode ref : externalReferences) {
                if (sourceName.equals(ref.path("source_name").asString(null)) && ref.path("url").isString()) {
                    urls.add(ref.path("url").stringValue());
                }
            }
        }
        return urls;
    }
}
