package io.assay.exchange.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * The one JSON reader/writer of the module. Everything a peer sends is hostile, so reading is bounded in document size,
 * nesting depth, string and number length before any object is built.
 */
public final class StixJson {

    /** A bundle of a few thousand indicators fits easily; anything larger is split by the sender (TAXII pages). */
    public static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
    /** STIX objects nest a handful of levels (extensions, granular markings); 32 leaves room for peers' custom content. */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .maxStringLength(MAX_DOCUMENT_BYTES)
                            .maxNumberLength(64)
                            .maxNameLength(1024)
                            .build())
                    .build())
            // I-JSON (RFC 7493) names are unique; with duplicates, a verifier and a consumer could read different
            // values under one signature, so such JSON is refused
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StixJson() {
    }

    /** The shared mapper (immutable), for building nodes. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    /** Parses untrusted JSON text; throws {@link StixJsonException} with a short reason on anything but one JSON value. */
    public static JsonNode parse(String text) {
        if (text == null) {
            throw new StixJsonException("no JSON text");
        }
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode parse(byte[] utf8) {
        if (utf8 == null || utf8.length == 0) {
            throw new StixJsonException("no JSON text");
        }
        if (utf8.length > MAX_DOCUMENT_BYTES) {
            throw new StixJsonException("JSON larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        try {
            JsonNode node = MAPPER.readTree(utf8);
            if (node == null || node.isMissingNode()) {
                throw new StixJsonException("no JSON value");
            }
            return node;
        } catch (JacksonException e) {
            throw new StixJsonException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** Parses untrusted JSON that must be one object. */
    public static ObjectNode parseObject(String text) {
        JsonNode node = parse(text);
        if (!node.isObject()) {
            throw new StixJsonException("expected a JSON object, got " + node.getNodeType());
        }
        return (ObjectNode) node;
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    public static String writePretty(JsonNode node) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
