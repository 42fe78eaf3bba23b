package io.assay.detect.eval;

import io.assay.core.media.MediaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A robustness condition: how each item is changed before the detectors see it. A condition covers only the media
 * kinds it can change; the other items are left out of its block (never scored unchanged, which would flatter
 * the detectors). Videos are evaluated in {@link #ORIGINAL} only.
 */
public enum Condition {
    ORIGINAL("original", "as given", Set.of(MediaType.Kind.IMAGE, MediaType.Kind.AUDIO, MediaType.Kind.VIDEO)),
    JPEG75("jpeg75", "JPEG re-encoded at quality 75", Set.of(MediaType.Kind.IMAGE)),
    JPEG50("jpeg50", "JPEG re-encoded at quality 50", Set.of(MediaType.Kind.IMAGE)),
    RESIZE50("resize50", "resized to 50 % (area average), stored losslessly", Set.of(MediaType.Kind.IMAGE)),
    TELEPHONE("telephone", "telephone codec: 8 kHz G.711 mu-law and back to the original rate", Set.of(MediaType.Kind.AUDIO));

    private final String id;
    private final String description;
    private final Set<MediaType.Kind> kinds;

    Condition(String id, String description, Set<MediaType.Kind> kinds) {
        this.id = id;
        this.description = description;
        this.kinds = kinds;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Set<MediaType.Kind> kinds() {
        return kinds;
    }

    public boolean appliesTo(MediaType.Kind kind) {
        return kinds.contains(kind);
    }

    public static Condition of(String id) {
        String k = id.strip().toLowerCase(Locale.ROOT);
        for (Condition c : values()) {
            if (c.id.equals(k)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown condition '" + id.strip() + "' (known: " + known() + ")");
    }

    /** A comma-separated list, duplicates dropped, order kept. */
    public static List<Condition> parseList(String csv) {
        List<Condition> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            if (!part.isBlank()) {
                Condition c = of(part);
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no condition given (known: " + known() + ")");
        }
        return List.copyOf(out);
    }

    public static String known() {
        return Arrays.stream(values()).map(Condition::id).collect(Collectors.joining(","));
    }
}
