package io.assay.hash.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The corpus videos hashed here, every frame, once per test JVM (hashing all six takes tens of seconds). */
final class OwnHashes {

    private static final Map<String, VpdqHash> CACHE = new ConcurrentHashMap<>();
    private static final VpdqHasher EVERY_FRAME = new VpdqHasher(0, Math.max(1, Math.min(4,
            Runtime.getRuntime().availableProcessors())), new FfmpegFrameSource());

    private OwnHashes() {
    }

    static VpdqHash of(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                return EVERY_FRAME.hash(VpdqCorpus.video(n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
