package io.assay.server.console;

import org.springframework.http.HttpStatus;

import java.util.UUID;

/** Parsing of path parts, with a sentence for the person when they are wrong. */
final class ConsolePaths {

    private ConsolePaths() {
    }

    static UUID uuid(String s, String what) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(HttpStatus.NOT_FOUND, "There is no " + what + " "
                    + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + ".");
        }
    }
}
