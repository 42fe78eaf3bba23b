package io.assay.exchange.json;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON Canonicalization Scheme (RFC 8785): object members sorted by the UTF-16 code units of their names, no
 * whitespace, strings escaped as ECMAScript's JSON.stringify does, numbers as IEEE 754 doubles printed the ECMAScript
 * way. Written here because no small maintained implementation is on Maven Central for Jackson 3 trees.
 */
public final class Jcs {

    private Jcs() {
    }

    /** The canonical UTF-8 bytes of a JSON value. */
    public static byte[] canonicalBytes(JsonNode node) {
        return canonicalize(node).getBytes(StandardCharsets.UTF_8);
    }

    public static String canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isNumber()) {
            out.append(number(node.doubleValue()));
        } else if (node.isString()) {
            string(node.stringValue(), out);
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 asks for.
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> member : members) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else {
            throw new StixJsonException("JSON value of type " + node.getNodeType() + " has no canonical form");
        }
    }

    /** ECMAScript Number::toString for a finite double (RFC 8785 §3.2.2.3). */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new StixJsonException("NaN and Infinity have no JSON form");
        }
        if (value == 0) {
            return "0"; // also -0
        }
        // Since JDK 19 Double.toString yields the shortest digits that round-trip, which is what ECMAScript asks for.
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        if (decimal.precision() == 2) {
            // Double.toString never prints fewer than two digits (4.9E-324), ECMAScript prints one when one
            // round-trips (5e-324): the closest one-digit decimal is the only candidate.
            BigDecimal one = new BigDecimal(Math.abs(value)).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (one.doubleValue() == Math.abs(value)) {
                decimal = one.stripTrailingZeros();
            }
        }
        String digits = decimal.unscaledValue().toString();
        int k = digits.length();
        int n = k - decimal.scale(); // value = digits x 10^(n-k)
        StringBuilder out = new StringBuilder(32);
        if (value < 0) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int exponent = n - 1;
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // I-JSON (RFC 7493) forbids lone surrogates; they would not survive UTF-8 either.
                        throw new StixJsonException("lone UTF-16 surrogate in a JSON string");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
