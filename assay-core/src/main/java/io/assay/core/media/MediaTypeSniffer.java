package io.assay.core.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Identifies a container by its first bytes. File names and declared content types are never trusted:
 * an upload named {@code photo.jpg} that starts like a PNG is a PNG.
 */
public final class MediaTypeSniffer {

    /** How many leading bytes {@link #sniff(byte[])} looks at; fewer are fine for short files. */
    public static final int HEAD_BYTES = 4096;

    private MediaTypeSniffer() {
    }

    public static Optional<MediaType> sniff(byte[] head) {
        return Optional.ofNullable(detect(head));
    }

    private static MediaType detect(byte[] h) {
        if (startsWith(h, 0, 0xFF, 0xD8, 0xFF)) {
            return MediaType.JPEG;
        }
        if (startsWith(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return MediaType.PNG;
        }
        if (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a")) {
            return MediaType.GIF;
        }
        if (ascii(h, 0, "RIFF") && h.length >= 12) {
            if (ascii(h, 8, "WEBP")) {
                return MediaType.WEBP;
            }
            if (ascii(h, 8, "WAVE")) {
                return MediaType.WAV;
            }
            return null;
        }
        if (startsWith(h, 0, 'I', 'I', 0x2A, 0x00) || startsWith(h, 0, 'M', 'M', 0x00, 0x2A)
                || startsWith(h, 0, 'I', 'I', 0x2B, 0x00) || startsWith(h, 0, 'M', 'M', 0x00, 0x2B)) {
            return MediaType.TIFF;
        }
        if (h.length >= 12 && ascii(h, 4, "ftyp")) {
            return bmff(h);
        }
        if (h.length >= 8 && ascii(h, 4, "jumb")) {
            return MediaType.C2PA;
        }
        if (ascii(h, 0, "%PDF-")) {
            return MediaType.PDF;
        }
        if (ascii(h, 0, "ID3") || isMpegAudioFrame(h)) {
            return MediaType.MP3;
        }
        if (looksLikeSvg(h)) {
            return MediaType.SVG;
        }
        return null;
    }

    /** Chooses among the BMFF family by the major brand, then the compatible brands. */
    private static MediaType bmff(byte[] h) {
        String major = new String(h, 8, 4, StandardCharsets.ISO_8859_1);
        MediaType byMajor = brand(major);
        if (byMajor != null && byMajor != MediaType.HEIF) {
            return byMajor;
        }
        // 'mif1' / 'msf1' majors are generic HEIF; a compatible brand may say AVIF or HEIC.
        long boxSize = ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
        int end = (int) Math.min(Math.min(boxSize, h.length), 512);
        for (int i = 16; i + 4 <= end; i += 4) {
            MediaType compatible = brand(new String(h, i, 4, StandardCharsets.ISO_8859_1));
            if (compatible == MediaType.AVIF || compatible == MediaType.HEIC) {
                return compatible;
            }
        }
        return byMajor != null ? byMajor : MediaType.MP4;
    }

    private static MediaType brand(String brand) {
        return switch (brand) {
            case "avif", "avis" -> MediaType.AVIF;
            case "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs" -> MediaType.HEIC;
            case "mif1", "msf1", "mif2" -> MediaType.HEIF;
            case "qt  " -> MediaType.MOV;
            case "M4A ", "M4B ", "M4P " -> MediaType.M4A;
            case "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42", "mp71",
                 "avc1", "dash", "msnv", "mmp4", "M4V ", "3gp4", "3gp5", "3gp6", "3g2a", "f4v ", "cmfc" ->
                    MediaType.MP4;
            default -> null;
        };
    }

    /** An MPEG audio frame header: 11 sync bits, a valid version, a valid layer and a valid bitrate index. */
    private static boolean isMpegAudioFrame(byte[] h) {
        if (h.length < 4 || (h[0] & 0xFF) != 0xFF || (h[1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (h[1] >> 3) & 0x3;
        int layer = (h[1] >> 1) & 0x3;
        int bitrate = (h[2] >> 4) & 0xF;
        int sampleRate = (h[2] >> 2) & 0x3;
        return version != 1 && layer != 0 && bitrate != 0xF && sampleRate != 3;
    }

    private static boolean looksLikeSvg(byte[] h) {
        int start = 0;
        if (startsWith(h, 0, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        }
        while (start < h.length && Character.isWhitespace(h[start])) {
            start++;
        }
        if (start >= h.length || h[start] != '<') {
            return false;
        }
        String text = new String(h, start, Math.min(h.length - start, HEAD_BYTES), StandardCharsets.UTF_8);
        return text.contains("<svg");
    }

    private static boolean startsWith(byte[] h, int offset, int... magic) {
        if (h.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] h, int offset, String magic) {
        if (h.length < offset + magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (h[offset + i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
