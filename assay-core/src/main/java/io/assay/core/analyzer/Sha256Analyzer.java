package io.assay.core.analyzer;

import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.scan.ScanContext;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The cryptographic identity of the exact bytes: finds byte-identical re-uploads and keys stored scans. */
public final class Sha256Analyzer implements Analyzer {

    public static final String NAME = "sha256";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(MediaType type) {
        return true;
    }

    @Override
    public List<Evidence> analyze(MediaAsset asset, ScanContext context) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = asset.openStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
                if (Thread.interrupted()) {
                    throw new InterruptedException("hashing interrupted");
                }
            }
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        return List.of(new Evidence(NAME, EvidenceKind.IDENTITY, "SHA-256 " + hex, 1.0, null, Assurance.NONE,
                Map.of("sha256", hex)));
    }
}
