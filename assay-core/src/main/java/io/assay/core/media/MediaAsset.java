package io.assay.core.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One piece of media to scan: its bytes (in memory or in a file), a display name and the media type sniffed from
 * its content. Instances only exist for inputs that passed intake: not empty, within {@link AssetLimits}, of a
 * known format whose container structure is intact (see {@link FormatProbe}).
 *
 * <p>Analyzers read it as a stream or, for container parsers, as a seekable channel; neither loads a file into
 * memory.
 */
public final class MediaAsset {

    private final String name;
    private final MediaType mediaType;
    private final long size;
    private final Path path;
    private final byte[] bytes;

    private MediaAsset(String name, MediaType mediaType, long size, Path path, byte[] bytes) {
        this.name = name;
        this.mediaType = mediaType;
        this.size = size;
        this.path = path;
        this.bytes = bytes;
    }

    /** Admits a file from disk, named by its file name. */
    public static MediaAsset open(Path file, AssetLimits limits) throws AssetRejectedException {
        Objects.requireNonNull(file, "file");
        return open(file, file.getFileName() == null ? file.toString() : file.getFileName().toString(), limits);
    }

    /** Admits a file from disk under another display name (an upload spooled to a temporary file). */
    public static MediaAsset open(Path file, String name, AssetLimits limits) throws AssetRejectedException {
        return open(file, name, limits, true);
    }

    private static MediaAsset open(Path file, String name, AssetLimits limits, boolean probe) throws AssetRejectedException {
        Objects.requireNonNull(file, "file");
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new AssetRejectedException(AssetRejectedException.Reason.UNREADABLE,
                        Files.isDirectory(file) ? "is a directory, not a file" : "no such file");
            }
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new AssetRejectedException(AssetRejectedException.Reason.UNREADABLE, "no such file");
        } catch (IOException e) {
            throw new AssetRejectedException(AssetRejectedException.Reason.UNREADABLE, "cannot read file: " + e.getMessage());
        }
        checkSize(size, limits);
        byte[] head = new byte[(int) Math.min(size, MediaTypeSniffer.HEAD_BYTES)];
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ByteBuffer buf = ByteBuffer.wrap(head);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // fill the head
            }
        } catch (IOException e) {
            throw new AssetRejectedException(AssetRejectedException.Reason.UNREADABLE, "cannot read file: " + e.getMessage());
        }
        MediaAsset asset = new MediaAsset(name, sniffOrReject(head), size, file, null);
        if (probe) {
            FormatProbe.check(asset, limits);
        }
        return asset;
    }

    /**
     * Admits a file whose container may be damaged: when the structure check finds it truncated, malformed or
     * declaring too many pixels, the file is admitted anyway (type and size are still checked). For forensic tools
     * that must report on what a damaged file still claims (C2PA inspection); the scan pipeline never takes such
     * assets.
     */
    public static MediaAsset openDamaged(Path file, AssetLimits limits) throws AssetRejectedException {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            return open(file, name, limits, true);
        } catch (AssetRejectedException e) {
            return switch (e.reason()) {
                case TRUNCATED, MALFORMED, DECOMPRESSION_BOMB -> open(file, name, limits, false);
                default -> throw e;
            };
        }
    }

    /** Admits bytes already in memory (an upload, a message from a queue). */
    public static MediaAsset of(String name, byte[] content, AssetLimits limits) throws AssetRejectedException {
        Objects.requireNonNull(content, "content");
        checkSize(content.length, limits);
        byte[] head = content.length <= MediaTypeSniffer.HEAD_BYTES ? content
                : java.util.Arrays.copyOf(content, MediaTypeSniffer.HEAD_BYTES);
        MediaAsset asset = new MediaAsset(name == null ? "upload" : name, sniffOrReject(head), content.length, null, content);
        FormatProbe.check(asset, limits);
        return asset;
    }

    private static void checkSize(long size, AssetLimits limits) throws AssetRejectedException {
        if (size == 0) {
            throw new AssetRejectedException(AssetRejectedException.Reason.EMPTY, "empty file (0 bytes)");
        }
        if (size > limits.maxBytes()) {
            throw new AssetRejectedException(AssetRejectedException.Reason.TOO_LARGE,
                    "file is " + size + " bytes, over the limit of " + limits.maxBytes() + " bytes");
        }
    }

    private static MediaType sniffOrReject(byte[] head) throws AssetRejectedException {
        return MediaTypeSniffer.sniff(head).orElseThrow(() -> new AssetRejectedException(
                AssetRejectedException.Reason.UNSUPPORTED_FORMAT,
                "unsupported or unknown format (first bytes: " + hex(head, 8) + ")"));
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb.toString();
    }

    public String name() {
        return name;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public long size() {
        return size;
    }

    /** The file behind this asset, when it came from disk. */
    public java.util.Optional<Path> path() {
        return java.util.Optional.ofNullable(path);
    }

    public InputStream openStream() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(path);
    }

    public SeekableByteChannel openChannel() throws IOException {
        return bytes != null ? new ByteArrayChannel(bytes) : Files.newByteChannel(path);
    }

    @Override
    public String toString() {
        return name + " (" + mediaType.mime() + ", " + size + " bytes)";
    }
}
