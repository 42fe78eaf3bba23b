package io.assay.c2pa.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.embed.Embedder;
import io.assay.c2pa.embed.Embedders;
import io.assay.core.media.MediaType;

import java.util.List;

/**
 * Coverage-guided fuzzing of the container writers the signer runs on caller-supplied files (JPEG segments, PNG
 * chunks, RIFF chunks, ID3v2 frames, BMFF boxes with the offset tables they rewrite). A C2paException is the only
 * acceptable refusal.
 */
class EmbeddersFuzzTest {

    static final List<MediaType> TYPES = List.of(MediaType.JPEG, MediaType.PNG, MediaType.WEBP, MediaType.WAV,
            MediaType.MP3, MediaType.MP4, MediaType.HEIC);
    static final byte[] STORE = new byte[300];

    @FuzzTest(maxDuration = "30s")
    void stripAndEmbed(FuzzedDataProvider data) {
        MediaType type = TYPES.get(data.consumeInt(0, TYPES.size() - 1));
        byte[] bytes = data.consumeRemainingAsBytes();
        Embedder e = Embedders.forType(type).orElseThrow();
        try {
            byte[] clean = e.strip(bytes);
            e.embed(clean, STORE);
        } catch (C2paException expected) {
            // a clear refusal is the right answer to a malformed file
        }
    }
}
