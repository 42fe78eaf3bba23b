package io.assay.metadata;

/** Bounds text copied out of untrusted files into findings and details. */
final class Texts {

    /** The longest value quoted in a finding or a detail. */
    static final int MAX_VALUE = 200;

    private Texts() {
    }

    /**
     * The value on one line (runs of whitespace and control characters become one space), cut to {@code max}
     * characters with a trailing ellipsis when something was left out.
     */
    static String bounded(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), max + 1));
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                pendingSpace = !sb.isEmpty();
                continue;
            }
            int needed = pendingSpace ? 2 : 1;
            if (sb.length() + needed > max) {
                // A cut surrogate pair would leave half a character behind.
                if (!sb.isEmpty() && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
                    sb.setLength(sb.length() - 1);
                }
                return sb.append('…').toString();
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String bounded(String value) {
        return bounded(value, MAX_VALUE);
    }
}
