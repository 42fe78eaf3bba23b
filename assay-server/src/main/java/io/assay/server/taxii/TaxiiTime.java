package io.assay.server.taxii;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** TAXII timestamps: RFC 3339 in UTC, to the microsecond (the precision PostgreSQL keeps). */
public final class TaxiiTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private TaxiiTime() {
    }

    public static String format(Instant t) {
        return FORMAT.format(t);
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static OffsetDateTime db(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    /** A timestamp from a query parameter; a malformed one is the client's error. */
    public static Instant parse(String parameter, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw TaxiiException.badRequest(parameter + " is not an RFC 3339 UTC timestamp: " + abbreviate(value));
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
