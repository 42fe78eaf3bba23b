package io.assay.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generation record an AI front-end left in a text field of the file.
 *
 * @param field         the field it was found in, e.g. {@code parameters}
 * @param generator     the front-end family, e.g. {@code Stable Diffusion web UI (AUTOMATIC1111, Forge, SD.Next)}
 * @param summary       what the field holds, for the finding, e.g. {@code Stable Diffusion generation settings}
 * @param settings      a few parsed settings (steps, sampler, seed, model), each bounded
 * @param promptExcerpt the start of the prompt (at most {@link Texts#MAX_VALUE} characters), or empty
 */
public record GeneratorTrace(String field, String generator, String summary, Map<String, String> settings,
                             String promptExcerpt) {

    public GeneratorTrace {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        promptExcerpt = Texts.bounded(promptExcerpt);
    }
}
