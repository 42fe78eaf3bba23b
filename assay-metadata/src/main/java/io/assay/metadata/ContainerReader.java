package io.assay.metadata;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.gif.GifMetadataReader;
import com.drew.imaging.heif.HeifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.mp3.Mp3MetadataReader;
import com.drew.imaging.mp4.Mp4MetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.imaging.quicktime.QuickTimeMetadataReader;
import com.drew.imaging.wav.WavMetadataReader;
import com.drew.lang.RandomAccessStreamReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Metadata;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Runs metadata-extractor's reader for the sniffed media type (never the file name's). */
final class ContainerReader {

    static final Set<MediaType> SUPPORTED = EnumSet.of(MediaType.JPEG, MediaType.PNG, MediaType.WEBP, MediaType.TIFF,
            MediaType.HEIC, MediaType.HEIF, MediaType.AVIF, MediaType.GIF, MediaType.WAV, MediaType.MP3,
            MediaType.MP4, MediaType.MOV, MediaType.M4A);

    /**
     * What was read, and what this module cut short: PNG text chunks hidden as decompression bombs, a read that
     * stopped at damage after some directories were read.
     */
    record Result(Metadata metadata, List<String> notes) {
    }

    private ContainerReader() {
    }

    /**
     * Reads the asset's metadata. Metadata-extractor records most damage as directory errors and carries on; what
     * it throws on becomes a {@link MetadataUnreadableException} with a one-line message, unless a partial read
     * already holds directories, which are then returned.
     */
    static Result read(MediaAsset asset) throws MetadataUnreadableException {
        MediaType type = asset.mediaType();
        List<PngTextBombGuard.Dropped> dropped = List.of();
        Metadata metadata = new Metadata();
        try {
            if (type == MediaType.PNG) {
                try (InputStream in = new BufferedInputStream(asset.openStream())) {
                    dropped = PngTextBombGuard.scan(in);
                }
            }
            try (InputStream in = new BufferedInputStream(PngTextBombGuard.without(asset.openStream(), dropped))) {
                metadata = switch (type) {
                    case JPEG -> {
                        // process() fills the Metadata we pass, so segments read before a failure are kept.
                        JpegMetadataReader.process(metadata, in, BoundedExif.jpegReaders());
                        yield metadata;
                    }
                    case PNG -> PngMetadataReader.readMetadata(in);
                    case WEBP -> WebpMetadataReader.readMetadata(in);
                    case TIFF -> {
                        BoundedExif.readTiff(new RandomAccessStreamReader(in), metadata);
                        yield metadata;
                    }
                    case HEIC, HEIF, AVIF -> HeifMetadataReader.readMetadata(in);
                    case GIF -> GifMetadataReader.readMetadata(in);
                    case WAV -> WavMetadataReader.readMetadata(in);
                    case MP3 -> Mp3MetadataReader.readMetadata(in);
                    case MP4, M4A -> Mp4MetadataReader.readMetadata(in);
                    case MOV -> QuickTimeMetadataReader.readMetadata(in);
                    default -> throw new MetadataUnreadableException(
                            "metadata analyzer does not read " + type.mime() + " files", null);
                };
            }
            return new Result(metadata, notes(dropped, null));
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            // RuntimeException: metadata-extractor's own bugs on malformed input (index out of bounds and such),
            // and BoundedExif's budget.
            if (metadata.getDirectoryCount() > 0) {
                return new Result(metadata, notes(dropped, "metadata reading stopped early: " + oneLine(e)));
            }
            throw new MetadataUnreadableException("cannot read the metadata of " + describe(asset) + ": "
                    + oneLine(e), e);
        } catch (StackOverflowError e) {
            throw new MetadataUnreadableException("cannot read the metadata of " + describe(asset)
                    + ": its structure is nested too deeply", null);
        }
    }

    private static List<String> notes(List<PngTextBombGuard.Dropped> dropped, String stop) {
        List<String> notes = new ArrayList<>();
        for (PngTextBombGuard.Dropped d : dropped) {
            notes.add("PNG " + d.type() + " chunk at byte " + d.offset() + " was not read: " + d.reason());
        }
        if (stop != null) {
            notes.add(stop);
        }
        return notes;
    }

    static String describe(MediaAsset asset) {
        return "'" + Texts.bounded(asset.name(), 80) + "' (" + asset.mediaType().mime() + ")";
    }

    /**
     * The exception's message on one bounded line. A library bug's message (a null pointer, an index) means nothing
     * to a user, so unchecked exceptions other than our own budget are named by type only.
     */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        boolean ours = e instanceof BoundedExif.BudgetExceeded;
        if (m == null || m.isBlank() || (e instanceof RuntimeException && !ours)) {
            String name = e.getClass().getSimpleName();
            return e instanceof IOException ? "read error (" + name + ")" : "malformed structure (" + name + ")";
        }
        return Texts.bounded(m, 160);
    }
}
