package io.assay.detect.eval;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.detect.DetectorInput;
import io.assay.hash.audio.PcmAudio;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** The input the detectors see for one item under one condition: the file as given, or its changed copy in memory. */
final class ConditionInput {

    private ConditionInput() {
    }

    static DetectorInput prepare(Condition condition, DatasetItem item) throws IOException {
        if (!condition.appliesTo(item.kind())) {
            throw new IllegalArgumentException(condition.id() + " does not apply to " + item.kind());
        }
        MediaAsset asset = open(item);
        if (condition == Condition.ORIGINAL) {
            return DetectorInput.of(asset);
        }
        String base = stem(item.name());
        return switch (condition) {
            case JPEG75, JPEG50 -> {
                int quality = condition == Condition.JPEG75 ? 75 : 50;
                byte[] jpeg = ImageDegradation.jpeg(decodeImage(asset), quality);
                yield new DetectorInput(inMemory(base + "-q" + quality + ".jpg", jpeg), DetectorInput.Limits.defaults());
            }
            case RESIZE50 -> DetectorInput.ofImage(base + "-half.png", ImageDegradation.halve(decodeImage(asset)));
            case TELEPHONE -> {
                PcmAudio audio;
                try (DetectorInput in = DetectorInput.of(asset)) {
                    audio = in.audio();
                }
                byte[] wav = WavBytes.encode(TelephoneCodec.apply(audio));
                yield new DetectorInput(inMemory(base + "-tel.wav", wav), DetectorInput.Limits.defaults());
            }
            case ORIGINAL -> throw new AssertionError();
        };
    }

    private static MediaAsset open(DatasetItem item) throws IOException {
        try {
            return MediaAsset.open(item.path(), AssetLimits.DEFAULT);
        } catch (AssetRejectedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static MediaAsset inMemory(String name, byte[] bytes) throws IOException {
        try {
            return MediaAsset.of(name, bytes, AssetLimits.DEFAULT);
        } catch (AssetRejectedException e) {
            throw new IOException("the changed copy " + name + " was refused: " + e.getMessage(), e);
        }
    }

    /** Decoded with the detectors' own decoder and limits, so a condition sees the pixels the original run saw. */
    private static BufferedImage decodeImage(MediaAsset asset) throws IOException {
        try (DetectorInput in = DetectorInput.of(asset)) {
            return in.image();
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
