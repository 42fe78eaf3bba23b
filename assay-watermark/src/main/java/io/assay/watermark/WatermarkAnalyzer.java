package io.assay.watermark;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.scan.ScanContext;
import io.assay.watermark.image.ImageCodec;
import io.assay.watermark.image.RgbPixels;

import javax.imageio.ImageIO;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code watermark} signal: decodes an image and looks for an Assay mark and for the dwtDct payloads Stable
 * Diffusion embeds. Each mark found becomes a {@link EvidenceKind#DECLARATION} of the digital source type it states,
 * with assurance {@link Assurance#UNSIGNED}: anyone holding the key (or, for dwtDct, anyone at all) can apply or
 * strip a mark, so it says what the content claims to be, not who vouches for it. Nothing found, no evidence.
 *
 * <p>Images over {@code maxPixels} are refused. Those over {@code fullPixels} are decoded subsampled (bounded memory)
 * and only the Assay mark, which is read at 512 pixels anyway, is looked for: dwtDct does not survive subsampling,
 * and the generators that apply it output far smaller images.
 */
public final class WatermarkAnalyzer implements Analyzer {

    public static final String NAME = "watermark";

    private final WatermarkDetector detector;
    private final long maxPixels;
    private final long fullPixels;
    private final boolean assay;
    private final boolean dwtDct;

    public WatermarkAnalyzer(WatermarkDetector detector, long maxPixels, long fullPixels, boolean assay, boolean dwtDct) {
        this.detector = java.util.Objects.requireNonNull(detector, "detector");
        this.maxPixels = maxPixels;
        this.fullPixels = fullPixels;
        this.assay = assay;
        this.dwtDct = dwtDct;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(MediaType type) {
        return type.kind() == MediaType.Kind.IMAGE && ImageIO.getImageReadersByMIMEType(type.mime()).hasNext();
    }

    @Override
    public List<Evidence> analyze(MediaAsset asset, ScanContext context) throws Exception {
        // a file is streamed by ImageIO; an in-memory asset is already in memory
        ImageCodec.Source source = asset.path().map(ImageCodec::file)
                .orElseGet(() -> () -> ImageIO.createImageInputStream(asset.openStream()));
        ImageCodec.Decoded d = ImageCodec.read(source, maxPixels, fullPixels);
        RgbPixels img = d.pixels();
        List<Evidence> out = new ArrayList<>();
        if (assay) {
            evidence(detector.detectAssay(img), d).ifPresent(out::add);
        }
        if (dwtDct && d.subsampled() == 1) {
            evidence(detector.detectDwtDct(img), d).ifPresent(out::add);
        }
        return out;
    }

    static java.util.Optional<Evidence> evidence(WatermarkDetection r, ImageCodec.Decoded d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scheme", r.scheme().id());
        return switch (r) {
            case WatermarkDetection.NotFound n -> java.util.Optional.empty();
            case WatermarkDetection.AssayFound a -> {
                String type = a.payload().sourceType().map(t -> t.code()).orElse("source type code " + a.payload().sourceTypeCode());
                details.put("payload", a.payload().hex());
                details.put("sourceTypeCode", a.payload().sourceTypeCode());
                details.put("generatorId", a.payload().generatorId());
                details.put("syncScore", round(a.syncScore()));
                details.put("codedBitErrors", a.codedBitErrors());
                details.put("bitAccuracy", round(a.bitAccuracy()));
                if (d.subsampled() > 1) {
                    details.put("decodedSubsampled", d.subsampled());
                }
                String finding = "invisible watermark (assay, 32-bit payload, " + a.codedBitErrors()
                        + " bit errors corrected): " + type + ", generator " + a.payload().generatorId();
                yield java.util.Optional.of(new Evidence(WatermarkAnalyzer.NAME, EvidenceKind.DECLARATION, finding,
                        a.confidence(), a.payload().sourceType().map(t -> t.iri()).orElse(null), Assurance.UNSIGNED, details));
            }
            case WatermarkDetection.DwtDctFound f -> {
                details.put("payload", f.mark().id());
                details.put("payloadHex", f.mark().bits().toHex());
                details.put("bits", f.bits().length());
                details.put("bitAccuracy", round(f.bitAccuracy()));
                String finding = String.format(Locale.ROOT,
                        "invisible watermark (dwtDct, %s payload, %d bits, bit accuracy %.3f): %s", f.mark().generator(),
                        f.bits().length(), f.bitAccuracy(), f.mark().sourceType().code());
                // bit accuracy 1.0 -> 0.99; at the threshold (0.7-0.8) -> about 0.7
                double conf = Math.max(0.5, Math.min(0.99, f.bitAccuracy() - 0.01));
                yield java.util.Optional.of(Evidence.declaration(WatermarkAnalyzer.NAME, finding, conf,
                        f.mark().sourceType(), Assurance.UNSIGNED, details));
            }
        };
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
