package io.assay.cli;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.hash.SignalType;
import io.assay.hash.audio.AudioFingerprint;
import io.assay.hash.audio.ChromaprintHasher;
import io.assay.hash.video.FfmpegFrameSource;
import io.assay.hash.video.VpdqHash;
import io.assay.hash.video.VpdqHasher;
import io.assay.hash.pdq.Dihedral;
import io.assay.hash.pdq.DihedralHashes;
import io.assay.hash.pdq.PdqHash;
import io.assay.hash.pdq.PdqHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code assay hash FILE...}: perceptual hashes, one line per file: {@code pdq <hex> <quality> <file>} for images,
 * {@code chromaprint <fingerprint> <seconds> <file>} for audio (fpcalc's compressed fingerprint),
 * {@code vpdq <frames> <compact hash> <file>} for video, or bank-ready {@code .tsv} lines.
 */
@Command(name = "hash", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print perceptual hashes: pdq <hex> <quality> <file> for images, chromaprint <fingerprint> <seconds> <file> for audio.")
final class HashCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders (recursively).")
    List<Path> inputs;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "auto",
            description = "Signal type: pdq (images), vpdq (video), chromaprint (audio, or a video's sound track), "
                    + "or auto (by media type; default).")
    String type;

    @Option(names = "--seconds-per-hash", paramLabel = "S", defaultValue = "0",
            description = "vPDQ: one frame hash every S seconds; 0 = every frame (default, what banks want).")
    double secondsPerHash;

    @Option(names = "--full-resolution",
            description = "Hash every pixel, as HMA's Python hasher does, instead of the C++ reference's 512x512 resize.")
    boolean fullResolution;

    @Option(names = "--dihedral", description = "Also print the 7 rotated and mirrored variants (pdq-rot90 ... lines).")
    boolean dihedral;

    @Option(names = "--tsv", description = "Print bank signal-list lines: type<TAB>hash<TAB>quality<TAB>file name.")
    boolean tsv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SignalType t = type.equals("auto") ? null : SignalType.parse(type);
        VpdqHasher vpdq = new VpdqHasher(secondsPerHash, 1, new FfmpegFrameSource());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PdqHasher hasher = new PdqHasher(fullResolution ? PdqHasher.Preparation.FULL_RESOLUTION : PdqHasher.Preparation.REFERENCE,
                AssetLimits.DEFAULT.maxPixels());
        int failed = 0;
        for (Path f : ScanCommand.expand(inputs)) {
            try {
                MediaAsset asset = MediaAsset.open(f, AssetLimits.DEFAULT);
                MediaType.Kind kind = asset.mediaType().kind();
                SignalType wanted = t != null ? t : kind == MediaType.Kind.IMAGE ? SignalType.PDQ
                        : kind == MediaType.Kind.VIDEO ? SignalType.VPDQ : SignalType.CHROMAPRINT;
                if (wanted == SignalType.VPDQ) {
                    if (kind != MediaType.Kind.VIDEO) {
                        throw new IOException("vpdq needs a video, this is " + asset.mediaType().mime());
                    }
                    VpdqHash v = vpdq.hash(asset);
                    if (tsv) {
                        out.println("vpdq\t" + v.toCompactString() + "\t100\t" + f.getFileName());
                    } else {
                        out.println("vpdq " + v.size() + " " + v.toCompactString() + " " + f);
                    }
                    out.flush();
                    continue;
                }
                if (wanted == SignalType.CHROMAPRINT) {
                    if (kind != MediaType.Kind.AUDIO && kind != MediaType.Kind.VIDEO) {
                        throw new IOException("chromaprint needs audio or video, this is " + asset.mediaType().mime());
                    }
                    AudioFingerprint fp = new ChromaprintHasher().fingerprint(asset);
                    if (tsv) {
                        out.println("chromaprint\t" + fp.canonical() + "\t100\t" + f.getFileName());
                    } else {
                        out.println(String.format(java.util.Locale.ROOT, "chromaprint %s %.2f %s", fp.canonical(), fp.durationSeconds(), f));
                    }
                    out.flush();
                    continue;
                }
                if (kind != MediaType.Kind.IMAGE) {
                    throw new IOException("pdq needs an image, this is " + asset.mediaType().mime());
                }
                DihedralHashes all = hasher.dihedral(asset);
                print(out, "pdq", all.original(), f);
                if (dihedral) {
                    for (Dihedral d : Dihedral.values()) {
                        if (d != Dihedral.ORIGINAL) {
                            print(out, "pdq-" + d.id(), all.get(d), f);
                        }
                    }
                }
            } catch (AssetRejectedException | IOException e) {
                failed++;
                err.println("assay: " + f + ": " + e.getMessage());
            }
            out.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    private void print(PrintWriter out, String label, PdqHash h, Path f) {
        if (tsv) {
            out.println("pdq\t" + h.toHex() + "\t" + h.quality() + "\t" + f.getFileName());
        } else {
            out.println(label + " " + h.toHex() + " " + h.quality() + " " + f);
        }
    }
}
