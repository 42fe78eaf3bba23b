package io.assay.c2pa.embed;

import io.assay.core.media.MediaType;

import java.util.Optional;

/** The embedder for each container Assay signs. */
public final class Embedders {

    private Embedders() {
    }

    public static Optional<Embedder> forType(MediaType type) {
        return Optional.ofNullable(switch (type) {
            case JPEG -> new JpegEmbedder();
            case PNG -> new PngEmbedder();
            case WEBP -> new RiffEmbedder("WEBP");
            case WAV -> new RiffEmbedder("WAVE");
            case MP3 -> new Id3Embedder();
            case MP4, MOV, M4A, HEIC, HEIF, AVIF -> new BmffEmbedder();
            default -> null;
        });
    }
}
