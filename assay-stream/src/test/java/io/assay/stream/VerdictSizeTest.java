package io.assay.stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A verdict event too large for a Kafka record keeps its summary and says why the verdict is left out. */
class VerdictSizeTest {

    @Test
    void anOversizedVerdictIsLeftOutAndTheSummaryKept() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("uploadId", "u-1");
        event.put("label", "none");
        event.put("verdict", Map.of("evidence", "x".repeat(ScanProcessor.MAX_VERDICT_BYTES)));
        JsonNode big = AssayStream.json().readTree(ScanProcessor.bounded(event, AssayStream.json()));
        assertThat(big.has("verdict")).isFalse();
        assertThat(big.get("uploadId").asString()).isEqualTo("u-1");
        assertThat(big.get("verdictOmitted").asString()).startsWith("the full verdict is ").endsWith("bytes, over 900000");

        event.put("verdict", Map.of("evidence", "small"));
        JsonNode small = AssayStream.json().readTree(ScanProcessor.bounded(event, AssayStream.json()));
        assertThat(small.get("verdict").get("evidence").asString()).isEqualTo("small");
        assertThat(small.has("verdictOmitted")).isFalse();
    }
}
