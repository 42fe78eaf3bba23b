package io.assay.metadata;

import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** EXIF: the camera (Make/Model), the Software tag, and web UI settings left in UserComment. */
final class ExifEvidence {

    private static final byte[] UNICODE = "UNICODE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ASCII = "ASCII\0\0\0".getBytes(StandardCharsets.US_ASCII);

    private ExifEvidence() {
    }

    static void collect(ExifIFD0Directory ifd0, String container, AiToolMatcher tools, Findings out) {
        ToolEvidence.collect("EXIF Software (IFD0 0x0131)", "EXIF Software",
                ifd0.getString(ExifDirectoryBase.TAG_SOFTWARE), container, tools, out);
        String make = clean(ifd0.getString(ExifDirectoryBase.TAG_MAKE));
        String model = clean(ifd0.getString(ExifDirectoryBase.TAG_MODEL));
        if (!make.isEmpty() || !model.isEmpty()) {
            // Many models repeat the make ("Canon" / "Canon EOS R5"); say it once.
            String camera = model.toLowerCase(java.util.Locale.ROOT).startsWith(make.toLowerCase(java.util.Locale.ROOT)) ? model : (make + " " + model).strip();
            // An observation, never a declaration: anyone can write these two tags.
            out.observation("camera EXIF: " + Texts.bounded(camera, 120),
                    Findings.details("make", Texts.bounded(make, 80), "model", Texts.bounded(model, 80),
                            "container", container));
        }
    }

    /** AUTOMATIC1111 and Forge save JPEG and WebP with their parameters block in EXIF UserComment. */
    static void collect(ExifSubIFDDirectory sub, String container, Findings out) {
        byte[] raw = sub.getByteArray(ExifDirectoryBase.TAG_USER_COMMENT);
        if (raw == null || raw.length == 0 || raw.length > SdWebUiParameters.MAX_TEXT * 2 + 8) {
            return;
        }
        for (String text : userCommentTexts(raw)) {
            var trace = FrontEndTraces.sdWebUi("EXIF UserComment", text);
            if (trace.isPresent()) {
                PngTextEvidence.declare(trace.get(), "EXIF UserComment", container, out);
                return;
            }
        }
    }

    /** The comment decoded every plausible way: writers disagree on the byte order of "UNICODE" comments. */
    static List<String> userCommentTexts(byte[] raw) {
        if (startsWith(raw, UNICODE)) {
            byte[] body = Arrays.copyOfRange(raw, UNICODE.length, raw.length);
            return List.of(decode(body, StandardCharsets.UTF_16BE), decode(body, StandardCharsets.UTF_16LE));
        }
        if (startsWith(raw, ASCII)) {
            return List.of(decode(Arrays.copyOfRange(raw, ASCII.length, raw.length), StandardCharsets.ISO_8859_1));
        }
        return List.of(decode(raw, StandardCharsets.UTF_8));
    }

    private static String decode(byte[] b, Charset cs) {
        return new String(b, cs).replace("\0", "");
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace("\0", "").strip();
    }
}
