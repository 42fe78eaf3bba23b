package io.assay.detect.eval;

import io.assay.core.media.MediaType;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One labelled file of a dataset.
 *
 * @param path   the file
 * @param label  real or fake
 * @param kind   the media kind sniffed from its content
 * @param origin where it was listed, for messages ({@code fake/a.png}, {@code list.csv line 7})
 */
public record DatasetItem(Path path, Label label, MediaType.Kind kind, String origin) {

    public DatasetItem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        origin = origin == null ? path.toString() : origin;
    }

    /** The name shown in reports and used for transformed copies. */
    public String name() {
        return path.getFileName().toString();
    }
}
