package io.assay.metadata;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the JSON that AI front-ends store in text chunks, with tight bounds because the text is hostile. */
final class GenerationJson {

    /** Generation settings are a few kilobytes; ComfyUI workflows reach a few hundred. */
    static final int MAX_TEXT = 4 * 1024 * 1024;

    /** Keys that generation-settings objects use across front-ends (InvokeAI, NovelAI, Fooocus, Tensor.Art...). */
    private static final List<String> SETTING_KEYS = List.of("steps", "seed", "sampler", "sampler_name", "scheduler",
            "cfg_scale", "scale", "guidance_scale", "cfg", "model", "base_model", "model_name", "width", "height",
            "strength", "noise", "uc", "negative_prompt", "positive_prompt", "prompt", "generation_mode");

    /** Immutable once built, so one instance serves all threads. */
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxDocumentLength(MAX_TEXT)
                            .maxStringLength(MAX_TEXT)
                            .maxNumberLength(100)
                            .build())
                    .build())
            .build();

    private GenerationJson() {
    }

    /** The text as a JSON object, or empty when it is not one (or breaks a bound). */
    static Optional<JsonNode> object(String text) {
        if (text == null || text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        String t = text.strip();
        if (!t.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(t);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** A scalar's text, or null for a missing value or a container. */
    static String scalar(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asString();
    }

    /** The generation settings an object holds at its top level, bounded; at least two keys make it count. */
    static Map<String, String> settings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object == null || !object.isObject()) {
            return out;
        }
        for (String key : SETTING_KEYS) {
            JsonNode v = object.get(key);
            String s = scalar(v);
            if (s == null && v != null && v.isObject()) {
                // InvokeAI stores the model as {"model_name": ..., "base_model": ...} or {"name": ...}.
                s = Optional.ofNullable(scalar(v.get("model_name"))).orElse(scalar(v.get("name")));
            }
            if (s != null && !s.isBlank()) {
                out.put(key, Texts.bounded(s, key.contains("prompt") || key.equals("uc") ? Texts.MAX_VALUE : 80));
            }
        }
        return out;
    }

    /** Whether these settings look like a generator's (and not just any JSON with a "model" key). */
    static boolean isGenerationSettings(Map<String, String> settings) {
        boolean sampling = settings.containsKey("steps") || settings.containsKey("seed")
                || settings.containsKey("sampler") || settings.containsKey("sampler_name")
                || settings.containsKey("cfg_scale") || settings.containsKey("guidance_scale");
        return sampling && settings.size() >= 2;
    }
}
