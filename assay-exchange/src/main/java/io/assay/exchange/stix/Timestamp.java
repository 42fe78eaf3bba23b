package io.assay.exchange.stix;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A STIX timestamp (RFC 3339, UTC, "Z"). The text is kept as received: a peer's microseconds must survive a round trip,
 * or its signature over the object would no longer verify. Assay writes millisecond precision.
 */
public record Timestamp(String text) implements Comparable<Timestamp> {

    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public Timestamp {
        Objects.requireNonNull(text, "text");
    }

    /** The instant at millisecond precision, as Assay writes it. */
    public static Timestamp of(Instant instant) {
        return new Timestamp(MILLIS.format(instant));
    }

    /** Whether the text is a STIX timestamp: RFC 3339, UTC designator Z, a real calendar time. */
    public static boolean isValid(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            return false;
        }
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether the seconds carry at least three fractional digits (STIX 2.1 asks this of created and modified). */
    public boolean hasMillisecondPrecision() {
        int dot = text.indexOf('.');
        return dot > 0 && text.length() - dot - 2 >= 3;
    }

    /** The instant; throws {@link DateTimeParseException} when the text is not a valid timestamp. */
    public Instant instant() {
        if (!isValid(text)) {
            throw new DateTimeParseException("not a STIX timestamp", text, 0);
        }
        return Instant.parse(text);
    }

    @Override
    public int compareTo(Timestamp other) {
        return instant().compareTo(other.instant());
    }

    @Override
    public String toString() {
        return text;
    }
}
