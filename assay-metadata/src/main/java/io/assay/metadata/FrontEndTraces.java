package io.assay.metadata;

import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises what AI image front-ends write into PNG text chunks. Each recogniser requires the structure the
 * front-end writes (a settings line, a node graph), so that an unrelated chunk that happens to share a common key
 * such as {@code parameters} or {@code prompt} is not taken for a generation record. Stateless.
 */
final class FrontEndTraces {

    static final String SD_WEB_UI = "Stable Diffusion web UI (AUTOMATIC1111, Forge, SD.Next)";
    static final String COMFY_UI = "ComfyUI";
    static final String INVOKE_AI = "InvokeAI";
    static final String NOVEL_AI = "NovelAI";

    /** ComfyUI graphs of real workflows have hundreds of nodes at most; the cap bounds the walk. */
    private static final int MAX_NODES = 10_000;

    /** InvokeAI's "Dream" command line: {@code "prompt" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms}. */
    private static final Pattern DREAM_FLAG = Pattern.compile("(?:^|\\s)-([sSWHCA])\\s*([^\\s\"]{1,40})");

    private FrontEndTraces() {
    }

    /**
     * The generation record a text chunk holds, if it is one.
     *
     * @param keyword the chunk's keyword
     * @param text    its text
     * @param all     every text chunk of the file by keyword (NovelAI needs Software beside Comment)
     */
    static Optional<GeneratorTrace> recognise(String keyword, String text, Map<String, String> all) {
        if (keyword == null || text == null) {
            return Optional.empty();
        }
        return switch (keyword) {
            case "parameters" -> sdWebUi(keyword, text).or(() -> jsonSettings(keyword, text, "Fooocus",
                    "Fooocus generation settings"));
            case "prompt" -> comfyPrompt(keyword, text);
            case "workflow" -> comfyWorkflow(keyword, text);
            case "invokeai_metadata", "invokeai_graph" -> jsonSettings(keyword, text, INVOKE_AI,
                    "InvokeAI generation settings");
            case "sd-metadata" -> invokeLegacy(keyword, text);
            case "Dream" -> dream(keyword, text);
            case "generation_data" -> jsonSettings(keyword, text, "AI image front-end",
                    "generation settings");
            case "Comment" -> novelAi(keyword, text, all);
            default -> Optional.empty();
        };
    }

    /** Also used for EXIF UserComment, where the web UIs put the same block in JPEG and WebP. */
    static Optional<GeneratorTrace> sdWebUi(String field, String text) {
        return SdWebUiParameters.parse(text).map(p -> {
            Map<String, String> s = p.citedSettings();
            StringBuilder summary = new StringBuilder("Stable Diffusion generation settings (Steps: ")
                    .append(s.get("Steps"));
            if (s.containsKey("Sampler")) {
                summary.append(", Sampler: ").append(s.get("Sampler"));
            }
            return new GeneratorTrace(field, SD_WEB_UI, summary.append(')').toString(), s, p.prompt());
        });
    }

    private static Optional<GeneratorTrace> comfyPrompt(String field, String text) {
        return GenerationJson.object(text).flatMap(root -> {
            Set<String> classes = new LinkedHashSet<>();
            Map<String, String> settings = new LinkedHashMap<>();
            String prompt = "";
            int nodes = 0;
            for (JsonNode node : root.values()) {
                if (++nodes > MAX_NODES) {
                    break;
                }
                String type = GenerationJson.scalar(node.get("class_type"));
                JsonNode inputs = node.get("inputs");
                if (type == null || inputs == null || !inputs.isObject()) {
                    continue;
                }
                classes.add(Texts.bounded(type, 60));
                for (String key : new String[] {"ckpt_name", "unet_name", "steps", "sampler_name", "scheduler", "seed",
                        "noise_seed", "cfg"}) {
                    String v = GenerationJson.scalar(inputs.get(key));
                    if (v != null) {
                        settings.putIfAbsent(key, Texts.bounded(v, 80));
                    }
                }
                if (prompt.isEmpty() && type.startsWith("CLIPTextEncode")) {
                    String t = GenerationJson.scalar(inputs.get("text"));
                    prompt = t == null ? "" : t;
                }
            }
            if (classes.isEmpty()) {
                return Optional.empty();
            }
            settings.put("nodes", Integer.toString(Math.min(nodes, MAX_NODES)));
            settings.put("node types", Texts.bounded(String.join(", ", classes), 160));
            return Optional.of(new GeneratorTrace(field, COMFY_UI, "a ComfyUI prompt graph ("
                    + settings.get("nodes") + " nodes)", settings, prompt));
        });
    }

    private static Optional<GeneratorTrace> comfyWorkflow(String field, String text) {
        return GenerationJson.object(text).flatMap(root -> {
            JsonNode nodes = root.get("nodes");
            if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
                return Optional.empty();
            }
            Set<String> types = new LinkedHashSet<>();
            int count = 0;
            for (JsonNode node : nodes.values()) {
                if (++count > MAX_NODES) {
                    break;
                }
                String type = GenerationJson.scalar(node.get("type"));
                if (type != null && node.has("id")) {
                    types.add(Texts.bounded(type, 60));
                }
            }
            if (types.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("nodes", Integer.toString(Math.min(nodes.size(), MAX_NODES)));
            settings.put("node types", Texts.bounded(String.join(", ", types), 160));
            return Optional.of(new GeneratorTrace(field, COMFY_UI, "a ComfyUI workflow graph ("
                    + settings.get("nodes") + " nodes)", settings, ""));
        });
    }

    private static Optional<GeneratorTrace> jsonSettings(String field, String text, String generator, String summary) {
        return GenerationJson.object(text).flatMap(root -> {
            Map<String, String> settings = GenerationJson.settings(root);
            if (!GenerationJson.isGenerationSettings(settings)) {
                return Optional.empty();
            }
            String prompt = settings.getOrDefault("positive_prompt", settings.getOrDefault("prompt", ""));
            settings.remove("positive_prompt");
            settings.remove("prompt");
            return Optional.of(new GeneratorTrace(field, generator, summary + cite(settings), settings, prompt));
        });
    }

    /** InvokeAI 2.x: {"model": "stable diffusion", "image": {"prompt": [...], "steps": 50, "sampler": ...}}. */
    private static Optional<GeneratorTrace> invokeLegacy(String field, String text) {
        return GenerationJson.object(text).flatMap(root -> {
            JsonNode image = root.get("image");
            Map<String, String> settings = GenerationJson.settings(image != null && image.isObject() ? image : root);
            String model = GenerationJson.scalar(root.get("model_weights"));
            if (model != null) {
                settings.putIfAbsent("model", Texts.bounded(model, 80));
            }
            if (!GenerationJson.isGenerationSettings(settings)) {
                return Optional.empty();
            }
            String prompt = settings.getOrDefault("prompt", "");
            settings.remove("prompt");
            return Optional.of(new GeneratorTrace(field, INVOKE_AI, "InvokeAI generation settings" + cite(settings),
                    settings, prompt));
        });
    }

    private static Optional<GeneratorTrace> dream(String field, String text) {
        if (text.length() > SdWebUiParameters.MAX_TEXT) {
            return Optional.empty();
        }
        Map<String, String> flags = new LinkedHashMap<>();
        Matcher m = DREAM_FLAG.matcher(text);
        while (m.find()) {
            flags.putIfAbsent(m.group(1), m.group(2));
        }
        boolean steps = flags.containsKey("s") && flags.get("s").matches("\\d{1,5}");
        if (!steps || !(flags.containsKey("S") || flags.containsKey("A") || flags.containsKey("C"))) {
            return Optional.empty();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("steps", flags.get("s"));
        putIfPresent(settings, "seed", flags.get("S"));
        putIfPresent(settings, "sampler", flags.get("A"));
        putIfPresent(settings, "cfg_scale", flags.get("C"));
        if (flags.containsKey("W") && flags.containsKey("H")) {
            settings.put("size", flags.get("W") + "x" + flags.get("H"));
        }
        int quoteEnd = text.startsWith("\"") ? text.indexOf('"', 1) : -1;
        String prompt = quoteEnd > 0 ? text.substring(1, quoteEnd) : "";
        return Optional.of(new GeneratorTrace(field, INVOKE_AI, "an InvokeAI dream command" + cite(settings), settings,
                prompt));
    }

    /** NovelAI writes Software "NovelAI", Source "NovelAI Diffusion ...", and its settings as JSON in Comment. */
    private static Optional<GeneratorTrace> novelAi(String field, String text, Map<String, String> all) {
        String software = all.getOrDefault("Software", "") + " " + all.getOrDefault("Source", "");
        if (!software.toLowerCase(Locale.ROOT).contains("novelai")) {
            return Optional.empty();
        }
        return jsonSettings(field, text, NOVEL_AI, "NovelAI generation settings");
    }

    private static void putIfPresent(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, Texts.bounded(value, 80));
        }
    }

    /** " (steps: 28, sampler: k_euler)" from the first settings that name the sampling. */
    private static String cite(Map<String, String> settings) {
        StringBuilder sb = new StringBuilder();
        for (String key : new String[] {"steps", "sampler", "sampler_name", "seed"}) {
            String v = settings.get(key);
            if (v != null) {
                sb.append(sb.isEmpty() ? " (" : ", ").append(key).append(": ").append(Texts.bounded(v, 40));
            }
        }
        return sb.isEmpty() ? "" : sb.append(')').toString();
    }
}
