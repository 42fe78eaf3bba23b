package io.assay.hash.bank;

import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.hash.pdq.PdqHasher;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Computes the signals of a piece of media by its type: PDQ with its dihedral variants for images.
 * The same computation serves scanning (query side) and banking (add side), so both sides agree on preparation.
 */
public final class MediaSignals {

    /** Image formats the JDK and the bundled ImageIO plug-ins decode. HEIC/AVIF and SVG are not hashed. */
    static final Set<MediaType> IMAGES = EnumSet.of(MediaType.JPEG, MediaType.PNG, MediaType.GIF, MediaType.WEBP, MediaType.TIFF);

    private final PdqHasher pdq;

    public MediaSignals(PdqHasher pdq) {
        this.pdq = java.util.Objects.requireNonNull(pdq, "pdq");
    }

    public MediaSignals() {
        this(new PdqHasher());
    }

    public boolean supports(MediaType type) {
        return IMAGES.contains(type);
    }

    /** The signals of an asset; empty for a type this class does not hash. */
    public List<QuerySignal> compute(MediaAsset asset) throws IOException {
        if (IMAGES.contains(asset.mediaType())) {
            return List.of(QuerySignal.Pdq.of(pdq.dihedral(asset)));
        }
        return List.of();
    }
}
