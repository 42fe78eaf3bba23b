package io.assay.exchange.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StixJsonTest {

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(StixJson.MAX_NESTING_DEPTH + 5) + "]".repeat(StixJson.MAX_NESTING_DEPTH + 5);
        assertThatThrownBy(() -> StixJson.parse(deep)).isInstanceOf(StixJsonException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void oversizedDocumentsAreRefused() {
        byte[] big = new byte[StixJson.MAX_DOCUMENT_BYTES + 1];
        assertThatThrownBy(() -> StixJson.parse(big)).isInstanceOf(StixJsonException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void duplicateNamesAreRefused() {
        assertThatThrownBy(() -> StixJson.parse("{\"id\":\"a\",\"id\":\"b\"}")).isInstanceOf(StixJsonException.class)
                .hasMessageContaining("Duplicate");
    }

    @Test
    void nonObjectsAndGarbageAreRefused() {
        assertThatThrownBy(() -> StixJson.parseObject("[1]")).isInstanceOf(StixJsonException.class);
        assertThatThrownBy(() -> StixJson.parseObject("{\"a\":")).isInstanceOf(StixJsonException.class);
        assertThatThrownBy(() -> StixJson.parseObject("")).isInstanceOf(StixJsonException.class);
        assertThat(StixJson.parseObject("{\"a\":1}").get("a").intValue()).isEqualTo(1);
    }
}
