package io.assay.hash.pdq;

import javax.imageio.ImageReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Picks among the installed ImageIO readers. The JDK's own JPEG reader is IJG libjpeg (integer IDCT, fancy
 * upsampling), the same arithmetic as the libjpeg-turbo that the C++ reference links, so it is preferred for the
 * formats it reads; TwelveMonkeys' readers (on the class path) add CMYK/YCCK JPEG and WebP. For lossy WebP the
 * pure-Java {@link io.assay.hash.webp.WebpImageReader} (libwebp's exact decoding, as the reference's ImageMagick
 * uses) comes next; it does not claim lossless or animated WebP, which stay with TwelveMonkeys.
 */
final class ImageDecoders {

    private ImageDecoders() {
    }

    static ImageReader preferred(Iterator<ImageReader> readers) {
        List<ImageReader> all = new ArrayList<>();
        readers.forEachRemaining(all::add);
        ImageReader pick = all.stream().filter(r -> r.getClass().getName().startsWith("com.sun.imageio.")).findFirst()
                .or(() -> all.stream().filter(r -> r instanceof io.assay.hash.webp.WebpImageReader).findFirst())
                .orElse(all.get(0));
        for (ImageReader r : all) {
            if (r != pick) {
                r.dispose();
            }
        }
        return pick;
    }
}
