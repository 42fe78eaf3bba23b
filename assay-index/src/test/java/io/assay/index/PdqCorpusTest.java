package io.assay.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The upstream needle/haystack expectation (ThreatExchange's C++ mih-query, threshold 32) from the shared corpus. */
class PdqCorpusTest {

    private static List<Hash256> read(String relative) throws IOException {
        List<Hash256> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedCorpus.corpus(relative))) {
            if (!line.isBlank()) {
                out.add(Hash256.fromHex(line));
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(HashIndex.Strategy.class)
    void needlesInHaystackMatchUpstreamPairsAtRadius32(HashIndex.Strategy strategy) throws IOException {
        List<Hash256> needles = read("pdq/reg-test-input/needles.txt");
        List<Hash256> haystack = read("pdq/reg-test-input/haystack.txt");
        assertThat(needles).hasSize(100);
        assertThat(haystack).hasSize(1350);

        HashIndex index = new HashIndex();
        index.strategy(strategy);
        for (int i = 0; i < haystack.size(); i++) {
            index.add(haystack.get(i), i + 1); // id = 1-based line number
        }

        List<String> expected = Files.readAllLines(SharedCorpus.corpus("pdq/expected-needles-haystack.csv"))
                .stream().skip(1).filter(l -> !l.isBlank()).map(String::strip).sorted().toList();
        assertThat(expected).hasSize(250);

        List<List<Match>> results = index.searchAll(needles, 32);
        List<String> actual = new ArrayList<>();
        for (int n = 0; n < needles.size(); n++) {
            for (Match m : results.get(n)) {
                actual.add((n + 1) + "," + m.id() + "," + m.distance());
            }
        }
        assertThat(actual.stream().sorted().toList()).isEqualTo(expected);
    }
}
