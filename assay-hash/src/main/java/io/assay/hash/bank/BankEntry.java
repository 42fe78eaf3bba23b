package io.assay.hash.bank;

import io.assay.hash.SignalType;

import java.util.Objects;

/**
 * One banked signal: a hash of a piece of debunked media, in its canonical text form (see {@link Signals}).
 *
 * @param id      unique across all banks of a {@link SignalBank}
 * @param bank    the bank's name
 * @param type    the signal type
 * @param signal  the canonical text of the signal
 * @param quality the PDQ quality (0..100) for PDQ entries, else 100
 * @param context what the bank says about it
 */
public record BankEntry(long id, String bank, SignalType type, String signal, int quality, EntryContext context) {

    public BankEntry {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(signal, "signal");
        context = context == null ? EntryContext.NONE : context;
    }
}
