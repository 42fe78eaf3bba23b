package io.assay.stream;

/** One-line, user-safe descriptions of failures (no stack traces). */
final class StreamErrors {

    private StreamErrors() {
    }

    static String describe(Throwable t) {
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            return t.getClass().getSimpleName();
        }
        msg = msg.lines().findFirst().orElse(msg);
        return msg.length() > 300 ? msg.substring(0, 300) + "..." : msg;
    }
}
