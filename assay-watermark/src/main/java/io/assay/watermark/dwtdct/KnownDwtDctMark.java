package io.assay.watermark.dwtdct;

import io.assay.core.evidence.DigitalSourceType;
import io.assay.watermark.BitString;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A dwtDct payload that some generator is known to embed in everything it outputs.
 *
 * @param id         short stable id ({@code sd1}, {@code sdxl})
 * @param generator  who embeds it, for the finding line
 * @param bits       the embedded bits
 * @param sourceType what an image carrying it is
 */
public record KnownDwtDctMark(String id, String generator, BitString bits, DigitalSourceType sourceType) {

    /**
     * Stable Diffusion 1.x: CompVis' {@code scripts/txt2img.py} (and forks of it) embed the UTF-8 bytes of
     * {@code StableDiffusionV1}, 136 bits.
     */
    public static final KnownDwtDctMark STABLE_DIFFUSION_V1 = new KnownDwtDctMark("sd1", "Stable Diffusion 1.x",
            BitString.fromBytes("StableDiffusionV1".getBytes(StandardCharsets.UTF_8)), DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);

    /** Stability AI's generative-models (SDXL, SD 2.x there, SVD): the 48-bit constant {@code 0xB3EC907BB19E}. */
    public static final KnownDwtDctMark SDXL = new KnownDwtDctMark("sdxl", "Stability AI generative-models (SDXL)",
            BitString.fromLong(0xB3EC907BB19EL, 48), DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);

    public static final List<KnownDwtDctMark> DEFAULTS = List.of(STABLE_DIFFUSION_V1, SDXL);
}
