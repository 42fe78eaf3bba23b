package io.assay.c2pa.container;

import io.assay.core.media.MediaType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The extractor for each media type that can carry a C2PA manifest store. */
public final class Extractors {

    private static final List<ManifestExtractor> ALL = List.of(new JpegExtractor(), new PngExtractor(),
            new RiffExtractor(), new Id3Extractor(), new BmffExtractor(), new TiffExtractor(), new GifExtractor(),
            new SvgExtractor(), new PdfExtractor(), new SidecarExtractor());

    private static final Map<MediaType, ManifestExtractor> BY_TYPE = new EnumMap<>(MediaType.class);

    static {
        for (ManifestExtractor e : ALL) {
            for (MediaType t : e.mediaTypes()) {
                BY_TYPE.put(t, e);
            }
        }
    }

    private Extractors() {
    }

    public static Optional<ManifestExtractor> forType(MediaType type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Set<MediaType> supportedTypes() {
        return Set.copyOf(BY_TYPE.keySet());
    }
}
