package io.assay.metadata;

import com.drew.lang.KeyValuePair;
import com.drew.metadata.png.PngDirectory;
import io.assay.core.evidence.DigitalSourceType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PNG text chunks (tEXt, zTXt, iTXt): the Software key, and the generation records AI front-ends write. */
final class PngTextEvidence {

    /** Keys whose value names the software or device that made the image (PNG spec: Software, Source). */
    private static final List<String> TOOL_KEYS = List.of("Software", "Source");

    private PngTextEvidence() {
    }

    /** One text chunk: its type (tEXt, zTXt, iTXt), keyword and text. */
    record TextChunk(String type, String keyword, String text) {
    }

    static List<TextChunk> chunks(Iterable<PngDirectory> directories) {
        List<TextChunk> out = new ArrayList<>();
        for (PngDirectory d : directories) {
            if (!(d.getObject(PngDirectory.TAG_TEXTUAL_DATA) instanceof List<?> pairs)) {
                continue;
            }
            String type = d.getPngChunkType() == null ? "text" : d.getPngChunkType().getIdentifier();
            for (Object o : pairs) {
                if (o instanceof KeyValuePair kv && kv.getKey() != null && kv.getValue() != null) {
                    // tEXt and zTXt are Latin-1 by the PNG spec, iTXt UTF-8; metadata-extractor records which.
                    var value = kv.getValue();
                    String text = value.getCharset() == null ? new String(value.getBytes(), StandardCharsets.ISO_8859_1)
                            : value.toString();
                    out.add(new TextChunk(type, kv.getKey(), text));
                }
            }
        }
        return out;
    }

    static void collect(List<TextChunk> chunks, AiToolMatcher tools, Findings out) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (TextChunk c : chunks) {
            byKey.putIfAbsent(c.keyword(), c.text());
        }
        for (TextChunk c : chunks) {
            String where = "PNG " + c.type() + " '" + Texts.bounded(c.keyword(), 80) + "'";
            if (TOOL_KEYS.contains(c.keyword())) {
                ToolEvidence.collect("PNG " + c.type() + " " + c.keyword(), where, c.text(), "PNG " + c.type(), tools, out);
            }
            FrontEndTraces.recognise(c.keyword(), c.text(), byKey)
                    .ifPresent(trace -> declare(trace, where, "PNG " + c.type(), out));
        }
    }

    /** A recognised generation record: a declaration of trained algorithmic media. */
    static void declare(GeneratorTrace trace, String where, String container, Findings out) {
        Map<String, Object> details = Findings.details(
                "field", where,
                "container", container,
                "generator", trace.generator(),
                "settings", trace.settings(),
                "prompt", trace.promptExcerpt().isEmpty() ? null : trace.promptExcerpt());
        out.declaration(where + " holds " + trace.summary(), Findings.GENERATOR_TRACE_CONFIDENCE,
                DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA, details);
    }
}
