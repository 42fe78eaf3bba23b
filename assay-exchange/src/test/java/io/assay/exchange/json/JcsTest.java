package io.assay.exchange.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8785 against the RFC's own published examples (§3.2.2, §3.2.3) and Appendix B number vectors. */
class JcsTest {

    @Test
    void rfcSection322ValuesExample() throws IOException {
        assertThat(Jcs.canonicalize(StixJson.parse(resource("values-input.json"))))
                .isEqualTo(resource("values-canonical.json"));
    }

    @Test
    void rfcSection323SortingExample() throws IOException {
        assertThat(Jcs.canonicalize(StixJson.parse(resource("sorting-input.json"))))
                .isEqualTo(resource("sorting-canonical.json"));
    }

    @ParameterizedTest
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2",
    })
    void rfcAppendixBNumbers(String bits, String expected) {
        assertThat(Jcs.number(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16)))).isEqualTo(expected);
    }

    @Test
    void nonFiniteNumbersHaveNoCanonicalForm() {
        assertThatThrownBy(() -> Jcs.number(Double.NaN)).isInstanceOf(StixJsonException.class);
        assertThatThrownBy(() -> Jcs.number(Double.POSITIVE_INFINITY)).isInstanceOf(StixJsonException.class);
    }

    @Test
    void loneSurrogatesAreRefused() {
        assertThatThrownBy(() -> Jcs.canonicalize(StixJson.parse("[\"\\ud800\"]")))
                .isInstanceOf(StixJsonException.class).hasMessageContaining("surrogate");
    }

    @Test
    void nestedObjectsAreSortedAndWhitespaceDropped() {
        assertThat(Jcs.canonicalize(StixJson.parse("{ \"b\" : [ 1 , {\"z\":1,\"a\":true} ], \"a\" : \"x\" }")))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":true,\"z\":1}]}");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JcsTest.class.getResourceAsStream("/rfc8785/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
