package io.assay.hash.pdq;

import java.util.List;

/** The 8 dihedral hashes of one image, indexed by {@link Dihedral}. */
public record DihedralHashes(List<PdqHash> hashes) {

    DihedralHashes(PdqHash[] all) {
        this(List.of(all));
    }

    public DihedralHashes {
        if (hashes.size() != Dihedral.values().length) {
            throw new IllegalArgumentException("8 dihedral hashes expected, got " + hashes.size());
        }
        hashes = List.copyOf(hashes);
    }

    public PdqHash get(Dihedral d) {
        return hashes.get(d.ordinal());
    }

    public PdqHash original() {
        return get(Dihedral.ORIGINAL);
    }
}
