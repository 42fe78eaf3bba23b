package io.assay.metadata;

import io.assay.core.evidence.DigitalSourceType;

/** The software named in a creator-tool field: an observation, and a declaration when it is an AI generator. */
final class ToolEvidence {

    private ToolEvidence() {
    }

    /**
     * @param field     the field as cited in details, e.g. {@code XMP xmp:CreatorTool}
     * @param label     how the finding names the field, e.g. {@code XMP CreatorTool}
     * @param value     the tool name as found
     * @param container where the field was found, e.g. {@code JPEG APP1}
     */
    static void collect(String field, String label, String value, String container, AiToolMatcher tools, Findings out) {
        if (value == null || value.isBlank()) {
            return;
        }
        String tool = Texts.bounded(value, 120);
        // One observation per tool: XMP and EXIF usually repeat each other; the first field found is cited.
        out.observation("created with " + tool,
                Findings.details("field", field, "tool", tool, "container", container));
        tools.match(value).ifPresent(m -> out.declaration(label + " names the AI generator '" + tool + "'",
                Findings.AI_TOOL_CONFIDENCE, DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA,
                Findings.details("field", field, "tool", tool, "generator", m.generator(), "container", container)));
    }
}
