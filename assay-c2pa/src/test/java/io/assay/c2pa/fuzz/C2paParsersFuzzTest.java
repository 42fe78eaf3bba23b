package io.assay.c2pa.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.jumbf.ByteSlice;
import io.assay.c2pa.manifest.ManifestStoreParser;
import io.assay.c2pa.signature.CoseSign1;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;

/**
 * Coverage-guided fuzzing (Jazzer) of every parser that reads untrusted C2PA bytes: media intake and the container
 * extractors, the JUMBF/manifest-store parser (with its CBOR claims and assertions), and COSE_Sign1. The only
 * acceptable outcomes are a result, a rejected asset or a C2paException; anything else (another exception, a hang,
 * running out of memory) is a finding. In the build it runs for a bounded time (see the pom's {@code fuzz}
 * execution); without JAZZER_FUZZ it replays the saved inputs only.
 */
class C2paParsersFuzzTest {

    static final AssetLimits LIMITS = new AssetLimits(16L * 1024 * 1024, 50_000_000L);

    @FuzzTest(maxDuration = "60s")
    void parsers(FuzzedDataProvider data) {
        int target = data.consumeInt(0, 3);
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            switch (target) {
                case 0 -> ManifestStoreParser.parse(bytes, true, "fuzz");
                case 1 -> ManifestStoreParser.parse(bytes, false, "fuzz");
                case 2 -> CoseSign1.parse(ByteSlice.of(bytes));
                default -> C2paReader.inspect(MediaAsset.of("fuzz", bytes, LIMITS));
            }
        } catch (C2paException | AssetRejectedException expected) {
            // a clear refusal is the right answer to malformed input
        }
    }
}
