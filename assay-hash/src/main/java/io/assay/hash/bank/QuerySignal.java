package io.assay.hash.bank;

import io.assay.hash.SignalType;
import io.assay.hash.audio.AudioFingerprint;
import io.assay.hash.video.VpdqHash;
import io.assay.hash.pdq.DihedralHashes;
import io.assay.hash.pdq.PdqHash;

/** A signal computed from scanned media, to be looked up in banks. */
public sealed interface QuerySignal {

    SignalType type();

    /** The canonical text form, as banks store it. */
    String value();

    /** An image's PDQ hash and, when computed, its 8 dihedral variants (for rotated and mirrored copies). */
    record Pdq(PdqHash hash, DihedralHashes dihedral) implements QuerySignal {
        public Pdq {
            java.util.Objects.requireNonNull(hash, "hash");
        }

        public static Pdq of(DihedralHashes all) {
            return new Pdq(all.original(), all);
        }

        @Override
        public SignalType type() {
            return SignalType.PDQ;
        }

        @Override
        public String value() {
            return hash.toHex();
        }
    }

    /** A Chromaprint fingerprint of an audio file or of a video's sound track (a cloned-voice robocall). */
    record Audio(AudioFingerprint fingerprint) implements QuerySignal {
        public Audio {
            java.util.Objects.requireNonNull(fingerprint, "fingerprint");
        }

        @Override
        public SignalType type() {
            return SignalType.CHROMAPRINT;
        }

        @Override
        public String value() {
            return fingerprint.canonical();
        }
    }

    /** The vPDQ hash of a video: one PDQ hash per sampled frame. */
    record Video(VpdqHash hash) implements QuerySignal {
        public Video {
            java.util.Objects.requireNonNull(hash, "hash");
        }

        @Override
        public SignalType type() {
            return SignalType.VPDQ;
        }

        @Override
        public String value() {
            return hash.toCompactString();
        }
    }
}
