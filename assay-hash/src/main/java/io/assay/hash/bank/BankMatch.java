package io.assay.hash.bank;

/**
 * A query matched a banked entry.
 *
 * @param entry     the banked entry
 * @param score     how close, in the signal's own measure (see {@code measure})
 * @param measure   e.g. "pdq distance", "vpdq target %", "chromaprint window BER"
 * @param detail    one line on how it matched (the dihedral transform, the offset, the frame shares)
 */
public record BankMatch(BankEntry entry, double score, String measure, String detail) {
}
