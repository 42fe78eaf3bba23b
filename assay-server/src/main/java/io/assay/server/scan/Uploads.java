package io.assay.server.scan;

import io.assay.core.media.AssetLimits;
import io.assay.server.api.ProblemHandler.UploadTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Spools request bodies to temporary files, refusing more than the size limit as it reads. */
public final class Uploads {

    private Uploads() {
    }

    /** The caller deletes the returned file. */
    public static Path spool(InputStream in, AssetLimits limits) throws IOException {
        Path tmp = Files.createTempFile("assay-upload-", ".bin");
        try {
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > limits.maxBytes()) {
                        throw new UploadTooLargeException("the upload is over the limit of " + limits.maxBytes() + " bytes");
                    }
                    out.write(buf, 0, n);
                }
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
