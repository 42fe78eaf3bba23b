package io.assay.hash.bank;

import io.assay.hash.SignalType;
import io.assay.hash.pdq.PdqHash;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk loading gives the same matches as adding one at a time, and refuses a bad batch as a whole. */
class SignalBankBulkTest {

    @Test
    void bulkAndSingleAddsMatchTheSame() {
        Random r = new Random(3);
        List<BankEntry> batch = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            batch.add(new BankEntry(i + 1, i % 2 == 0 ? "a" : "b", SignalType.PDQ,
                    new PdqHash(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), 100).toHex(), 100, EntryContext.NONE));
        }
        SignalBank bulk = new SignalBank();
        SignalBank single = new SignalBank();
        for (SignalBank b : List.of(bulk, single)) {
            b.putBank("a", MatchThresholds.DEFAULTS);
            b.putBank("b", MatchThresholds.DEFAULTS.withPdq(10, 50));
        }
        bulk.addAll(batch);
        batch.forEach(single::add);
        assertThat(bulk.size()).isEqualTo(single.size()).isEqualTo(20_000);
        for (int i = 0; i < 200; i++) {
            PdqHash banked = PdqHash.fromHex(batch.get(r.nextInt(batch.size())).signal(), 100);
            // flip up to 20 bits
            long w0 = banked.w0() ^ (r.nextLong() & r.nextLong() & r.nextLong() & r.nextLong());
            PdqHash q = new PdqHash(w0, banked.w1(), banked.w2(), banked.w3(), 100);
            List<QuerySignal> query = List.of(new QuerySignal.Pdq(q, null));
            assertThat(bulk.match(query)).isEqualTo(single.match(query));
        }
        assertThat(bulk.remove(1)).isTrue();
        assertThat(bulk.entry(1)).isEmpty();
    }

    @Test
    void aBadEntryRefusesTheWholeBatch() {
        SignalBank bank = new SignalBank();
        bank.putBank("a", MatchThresholds.DEFAULTS);
        List<BankEntry> batch = List.of(
                new BankEntry(1, "a", SignalType.PDQ, "00".repeat(32), 100, EntryContext.NONE),
                new BankEntry(2, "a", SignalType.PDQ, "zz", 100, EntryContext.NONE));
        assertThatThrownBy(() -> bank.addAll(batch)).hasMessageContaining("entry 2");
        assertThat(bank.size()).isZero();
        assertThatThrownBy(() -> bank.addAll(List.of(new BankEntry(1, "nope", SignalType.PDQ, "00".repeat(32), 100, EntryContext.NONE))))
                .hasMessageContaining("no bank named 'nope'");
    }
}
