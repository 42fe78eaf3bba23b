package io.assay.stream;

import io.assay.hash.SignalType;
import io.assay.hash.bank.BankEntry;
import io.assay.hash.bank.EntryContext;
import io.assay.hash.bank.SignalBank;

import java.time.Instant;

/**
 * One bank entry on the compacted signals topic, as JSON; the record key is the entry's id (a decimal number) and a
 * null value (a tombstone) retracts it.
 *
 * <pre>{"bank":"election-fakes","type":"pdq","signal":"f8f8...","quality":100,"label":"fake robocall",
 *  "reason":"cloned voice","debunkUrl":"https://...","election":"us-2026","addedBy":"partner-x"}</pre>
 *
 * @param bank    the bank's name (created with default thresholds on first use)
 * @param type    pdq, vpdq or chromaprint
 * @param signal  the hash in its text form
 * @param quality PDQ quality 0..100 (default 100)
 */
public record SignalEvent(String bank, String type, String signal, Integer quality, String label, String reason,
                          String debunkUrl, String election, String candidate, String addedBy, Instant addedAt) {

    /** The entry this event describes, with its signal in canonical form. */
    public BankEntry toEntry(long id) {
        if (bank == null || bank.isBlank()) {
            throw new IllegalArgumentException("signal " + id + " names no bank");
        }
        if (type == null || signal == null) {
            throw new IllegalArgumentException("signal " + id + " needs a type and a signal");
        }
        SignalType t = SignalType.parse(type.strip());
        return new BankEntry(id, bank, t, SignalBank.canonical(t, signal.strip()), quality == null ? 100 : quality,
                new EntryContext(label, reason, debunkUrl, election, candidate, addedBy, addedAt));
    }

    public static SignalEvent pdq(String bank, String hex, String label) {
        return new SignalEvent(bank, "pdq", hex, 100, label, null, null, null, null, null, null);
    }
}
