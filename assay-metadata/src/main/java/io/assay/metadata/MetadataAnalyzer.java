package io.assay.metadata;

import com.drew.metadata.ErrorDirectory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import io.assay.core.analyzer.Analyzer;
import io.assay.core.evidence.Evidence;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.scan.ScanContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reports what a file's own metadata says about its origin: the IPTC digital source type in XMP, the creator tool
 * and EXIF software (and whether it names an AI generator), the generation records AI front-ends leave in PNG
 * text chunks and EXIF comments, a C2PA provenance reference in XMP, and the camera named in EXIF.
 *
 * <p>Everything here is unsigned and anyone can write or strip it, so every declaration carries
 * {@link io.assay.core.evidence.Assurance#UNSIGNED}; the label policy decides what that is worth.
 *
 * <p>Thread-safe: the only field is an immutable matcher; each scan gathers into its own {@link Findings}.
 */
public final class MetadataAnalyzer implements Analyzer {

    public static final String NAME = "metadata";

    private final AiToolMatcher tools;

    /** With the AI generator list shipped in this module. */
    public MetadataAnalyzer() {
        this(AiToolMatcher.defaults());
    }

    public MetadataAnalyzer(AiToolMatcher tools) {
        this.tools = Objects.requireNonNull(tools, "tools");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(MediaType type) {
        return ContainerReader.SUPPORTED.contains(type);
    }

    @Override
    public List<Evidence> analyze(MediaAsset asset, ScanContext context) throws MetadataUnreadableException {
        if (!supports(asset.mediaType())) {
            throw new MetadataUnreadableException("metadata analyzer does not read " + asset.mediaType().mime()
                    + " files", null);
        }
        try {
            return collect(asset);
        } catch (StackOverflowError e) {
            throw new MetadataUnreadableException("cannot read the metadata of " + ContainerReader.describe(asset)
                    + ": its structure is nested too deeply", null);
        }
    }

    private List<Evidence> collect(MediaAsset asset) throws MetadataUnreadableException {
        ContainerReader.Result read = ContainerReader.read(asset);
        Metadata metadata = read.metadata();
        Findings out = new Findings(NAME);
        String xmpContainer = xmpContainer(asset.mediaType());

        for (XmpDirectory xmp : metadata.getDirectoriesOfType(XmpDirectory.class)) {
            if (xmp.getXMPMeta() != null) {
                XmpEvidence.collect(xmp.getXMPMeta(), xmpContainer, tools, out);
            }
        }
        for (ExifIFD0Directory ifd0 : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
            ExifEvidence.collect(ifd0, "EXIF", tools, out);
        }
        for (ExifSubIFDDirectory sub : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            ExifEvidence.collect(sub, "EXIF", out);
        }
        PngTextEvidence.collect(PngTextEvidence.chunks(metadata.getDirectoriesOfType(PngDirectory.class)), tools, out);

        // Only what was cut short is reported: metadata-extractor's per-format complaints ("End of data reached"
        // on intact MP4s) are too noisy to put before a moderator.
        List<String> notes = new ArrayList<>(read.notes());
        notes.addAll(errors(metadata));
        for (String note : notes.subList(0, Math.min(notes.size(), 5))) {
            out.observation(note, Findings.details("note", note));
        }
        return out.evidence();
    }

    /** Where each container keeps its XMP packet, for findings' details. */
    static String xmpContainer(MediaType type) {
        return switch (type) {
            case JPEG -> "JPEG APP1";
            case PNG -> "PNG iTXt";
            case WEBP -> "WebP XMP chunk";
            case TIFF -> "TIFF tag 700";
            case GIF -> "GIF application extension";
            case WAV -> "RIFF chunk";
            case MP3 -> "ID3";
            default -> type.isBmff() ? "ISO BMFF box" : type.name();
        };
    }

    /** Errors of the file as a whole (metadata-extractor's ErrorDirectory), bounded in number and length. */
    private static List<String> errors(Metadata metadata) {
        List<String> out = new ArrayList<>();
        for (ErrorDirectory d : metadata.getDirectoriesOfType(ErrorDirectory.class)) {
            for (String e : d.getErrors()) {
                if (out.size() == 5) {
                    return out;
                }
                out.add("metadata partly unreadable: " + Texts.bounded(e, 160));
            }
        }
        return out;
    }
}
