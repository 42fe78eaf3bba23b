package io.assay.c2pa.validation.binding;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.manifest.Cbor;
import io.assay.c2pa.manifest.HashAlgorithm;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The hard-binding hashes as a signer computes them: the same code paths the validator checks with, so that what
 * Assay writes is, by construction, what Assay reads.
 */
public final class HardBindings {

    private HardBindings() {
    }

    /** A {@code c2pa.hash.data} hash: the whole file minus one excluded range. */
    public static byte[] dataHash(HashAlgorithm alg, SeekableByteChannel channel, long start, long length)
            throws IOException, C2paException {
        try {
            return RangeHasher.hash(alg, channel, List.of(new RangeHasher.Exclusion(start, length)), List.of());
        } catch (BindingException e) {
            throw new C2paException("cannot hash the asset: " + e.getMessage());
        }
    }

    /** A {@code c2pa.hash.bmff.v2}/{@code v3} hash of the file under the exclusion maps of {@code assertion}. */
    public static byte[] bmffHash(HashAlgorithm alg, CBORObject assertion, SeekableByteChannel channel)
            throws IOException, C2paException {
        try {
            List<BmffBoxes.Box> boxes = BmffBoxes.read(channel);
            List<RangeHasher.Exclusion> exclusions = new ArrayList<>();
            List<Long> offsets = HardBindingCheck.bmffExclusions(channel, boxes, Cbor.array(assertion, "exclusions"),
                    true, exclusions);
            return RangeHasher.hash(alg, channel, exclusions, offsets);
        } catch (BindingException e) {
            throw new C2paException("cannot hash the asset: " + e.getMessage());
        }
    }
}
