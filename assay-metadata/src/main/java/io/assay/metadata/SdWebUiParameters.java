package io.assay.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generation settings that Stable Diffusion web UIs (AUTOMATIC1111, Forge, SD.Next, Fooocus in A1111 mode)
 * write into a PNG {@code parameters} text chunk or an EXIF UserComment:
 * <pre>
 * a press photo of a candidate at a rally
 * Negative prompt: blurry
 * Steps: 30, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234567, Size: 512x512, Model: sd_xl_base_1.0
 * </pre>
 *
 * @param prompt         the positive prompt (possibly empty)
 * @param negativePrompt the negative prompt, or empty
 * @param settings       the settings line's key/value pairs in file order
 */
public record SdWebUiParameters(String prompt, String negativePrompt, Map<String, String> settings) {

    /** Longer texts are not a web UI's parameters block; this also bounds parsing time on hostile input. */
    static final int MAX_TEXT = 256 * 1024;

    private static final String NEGATIVE = "Negative prompt:";

    /** Setting names are short ("CFG scale", "Denoising strength"); a longer key means this is not a settings line. */
    private static final int MAX_KEY = 40;

    /** Besides Steps, a settings line names at least one of these, so that any "Steps: 3" text does not count. */
    private static final List<String> SAMPLING_KEYS = List.of("Sampler", "Seed", "CFG scale", "Schedule type", "Model");

    public SdWebUiParameters {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The parsed block, when the text has a settings line with Steps and sampling settings. */
    public static Optional<SdWebUiParameters> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        String[] lines = text.strip().split("\\r?\\n");
        // The settings line is the last line starting with "Steps:" (prompts may span several lines).
        int settingsLine = -1;
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].stripLeading().startsWith("Steps:")) {
                settingsLine = i;
                break;
            }
        }
        if (settingsLine < 0) {
            return Optional.empty();
        }
        Map<String, String> settings = settings(lines[settingsLine].strip());
        String steps = settings.get("Steps");
        if (steps == null || !steps.matches("\\d{1,5}") || SAMPLING_KEYS.stream().noneMatch(settings::containsKey)) {
            return Optional.empty();
        }
        List<String> promptLines = new ArrayList<>();
        List<String> negativeLines = new ArrayList<>();
        boolean negative = false;
        for (int i = 0; i < settingsLine; i++) {
            String line = lines[i];
            if (line.startsWith(NEGATIVE)) {
                negative = true;
                line = line.substring(NEGATIVE.length()).strip();
            }
            (negative ? negativeLines : promptLines).add(line);
        }
        return Optional.of(new SdWebUiParameters(String.join("\n", promptLines).strip(),
                String.join("\n", negativeLines).strip(), settings));
    }

    /**
     * Splits {@code Key: value, Key: "quoted, value", ...}. A hand scan rather than a regex: a regex with
     * alternation recurses per character and could overflow the stack on a long hostile value.
     */
    private static Map<String, String> settings(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            int colon = line.indexOf(':', i);
            if (colon < 0 || colon - i > MAX_KEY || colon == i) {
                break;
            }
            String key = line.substring(i, colon).strip();
            i = colon + 1;
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            String value;
            if (i < n && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && line.charAt(i) != '"') {
                    char c = line.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = line.charAt(++i);
                    }
                    sb.append(c);
                    i++;
                }
                value = sb.toString();
                i = Math.min(n, i + 1);
                int comma = line.indexOf(',', i);
                i = comma < 0 ? n : comma + 1;
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                value = line.substring(i, end).strip();
                i = comma < 0 ? n : comma + 1;
            }
            out.putIfAbsent(key, value);
        }
        return out;
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** A few settings worth citing: steps, sampler, seed, size, model. */
    public Map<String, String> citedSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : List.of("Steps", "Sampler", "Schedule type", "CFG scale", "Seed", "Size", "Model", "Model hash",
                "Version")) {
            setting(key).ifPresent(v -> out.put(key, Texts.bounded(v, 80)));
        }
        return out;
    }
}
