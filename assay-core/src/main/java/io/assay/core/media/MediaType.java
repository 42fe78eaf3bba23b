package io.assay.core.media;

import com.fasterxml.jackson.annotation.JsonValue;

/** The container formats Assay recognises, identified by their magic bytes (see {@link MediaTypeSniffer}). */
public enum MediaType {
    JPEG("image/jpeg", Kind.IMAGE),
    PNG("image/png", Kind.IMAGE),
    GIF("image/gif", Kind.IMAGE),
    WEBP("image/webp", Kind.IMAGE),
    TIFF("image/tiff", Kind.IMAGE),
    HEIC("image/heic", Kind.IMAGE),
    HEIF("image/heif", Kind.IMAGE),
    AVIF("image/avif", Kind.IMAGE),
    SVG("image/svg+xml", Kind.IMAGE),
    WAV("audio/wav", Kind.AUDIO),
    MP3("audio/mpeg", Kind.AUDIO),
    M4A("audio/mp4", Kind.AUDIO),
    MP4("video/mp4", Kind.VIDEO),
    MOV("video/quicktime", Kind.VIDEO),
    PDF("application/pdf", Kind.DOCUMENT),
    /** A detached C2PA manifest store (a {@code .c2pa} sidecar). */
    C2PA("application/c2pa", Kind.MANIFEST);

    public enum Kind { IMAGE, AUDIO, VIDEO, DOCUMENT, MANIFEST }

    private final String mime;
    private final Kind kind;

    MediaType(String mime, Kind kind) {
        this.mime = mime;
        this.kind = kind;
    }

    @JsonValue
    public String mime() {
        return mime;
    }

    public Kind kind() {
        return kind;
    }

    /** True for the ISO base media file format family (MP4, MOV, M4A, HEIC, HEIF, AVIF). */
    public boolean isBmff() {
        return switch (this) {
            case MP4, MOV, M4A, HEIC, HEIF, AVIF -> true;
            default -> false;
        };
    }

    public static MediaType fromMime(String mime) {
        for (MediaType t : values()) {
            if (t.mime.equalsIgnoreCase(mime)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown media type " + mime);
    }
}
