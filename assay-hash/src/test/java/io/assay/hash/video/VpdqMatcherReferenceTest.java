package io.assay.hash.video;

import io.assay.hash.pdq.PdqHash;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** expected-vpdq-pairs.csv ({@code match-hashes-brute QUERY TARGET 31 50}) reproduced from the reference hashes. */
class VpdqMatcherReferenceTest {

    private static final VpdqMatcher BRUTE = new VpdqMatcher(VpdqMatcher.Options.matchHashesBrute(31, 50));

    @Test
    void everyPairOfTheReferenceHashesIsReproducedToThePrintedPrecision() {
        assertAllPairs(VpdqCorpus::reference, false);
    }

    @Test
    void everyPairOfTheRecomputedHashesIsReproducedToThePrintedPrecision() {
        assertAllPairs(VpdqCorpus::recomputed, true);
    }

    static void assertAllPairs(Function<String, VpdqHash> hashes, boolean recomputedColumns) {
        List<VpdqCorpus.Pair> pairs = VpdqCorpus.pairs();
        assertThat(pairs).hasSize(30);
        Map<String, VpdqHash> h = new HashMap<>();
        VpdqCorpus.VIDEOS.forEach(n -> h.put(n, hashes.apply(n)));
        List<String> wrong = new ArrayList<>();
        for (VpdqCorpus.Pair p : pairs) {
            VpdqMatch m = BRUTE.compare(h.get(p.query()), h.get(p.target()));
            String q = recomputedColumns ? p.recomputedQueryPct() : p.queryPct();
            String t = recomputedColumns ? p.recomputedTargetPct() : p.targetPct();
            boolean match = recomputedColumns ? p.recomputedMatch() : p.match();
            if (!VpdqCorpus.pct(m.queryPercent()).equals(q) || !VpdqCorpus.pct(m.targetPercent()).equals(t)
                    || m.matched() != match) {
                wrong.add(p + " -> " + m);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void upstreamsDescribedAlgorithmAndHmaGiveTheSameDecisions() {
        VpdqMatcher spec = new VpdqMatcher();
        VpdqMatcher hma = new VpdqMatcher(VpdqMatcher.Options.hma());
        Map<String, Boolean> expected = new HashMap<>();
        VpdqCorpus.pairs().forEach(p -> expected.put(p.query() + ">" + p.target(), p.match()));
        for (VpdqCorpus.Pair p : VpdqCorpus.pairs()) {
            VpdqHash q = VpdqCorpus.reference(p.query());
            VpdqHash t = VpdqCorpus.reference(p.target());
            VpdqMatch m = spec.compare(q, t);
            assertThat(m.matched()).as(p.toString()).isEqualTo(p.match());
            // unique hashes: a few points away from match-hashes-brute's every-frame counting
            assertThat(m.queryPercent()).isCloseTo(Double.parseDouble(p.queryPct()), org.assertj.core.data.Offset.offset(2.5));
            assertThat(m.targetPercent()).isCloseTo(Double.parseDouble(p.targetPct()), org.assertj.core.data.Offset.offset(2.5));
            // HMA puts the 80 % on the query: the decision of the reversed pair
            assertThat(hma.compare(q, t).matched()).isEqualTo(expected.get(p.target() + ">" + p.query()));
        }
        // known values of the described algorithm (checked against a straight Python transcription of it)
        VpdqMatch m = spec.compare(VpdqCorpus.reference("chair-19-sd-bar"), VpdqCorpus.reference("chair-22-with-small-logo-bar"));
        assertThat(VpdqCorpus.pct(m.queryPercent())).isEqualTo("96.26");
        assertThat(VpdqCorpus.pct(m.targetPercent())).isEqualTo("82.80");
        assertThat(m.queryFrames()).isEqualTo(562); // 564 frames, 2 repeated hashes
    }

    @Test
    void searchReturnsExactlyTheMatchingBankedVideosWithExactPercentages() {
        for (VpdqMatcher matcher : List.of(new VpdqMatcher(), BRUTE, new VpdqMatcher(VpdqMatcher.Options.hma()))) {
            Map<String, VpdqMatcher.Prepared> bank = new LinkedHashMap<>();
            VpdqCorpus.VIDEOS.forEach(n -> bank.put(n, matcher.prepare(VpdqCorpus.reference(n))));
            for (String query : VpdqCorpus.VIDEOS) {
                VpdqHash q = VpdqCorpus.reference(query);
                List<VpdqMatcher.Hit<String>> hits = matcher.search(q, bank);
                List<VpdqMatcher.Hit<String>> expected = new ArrayList<>();
                for (String target : VpdqCorpus.VIDEOS) {
                    VpdqMatch m = matcher.compare(q, VpdqCorpus.reference(target));
                    if (m.matched()) {
                        expected.add(new VpdqMatcher.Hit<>(target, m));
                    }
                }
                assertThat(hits).as(query).containsExactlyInAnyOrderElementsOf(expected);
                for (int i = 1; i < hits.size(); i++) {
                    assertThat(hits.get(i - 1).match().targetPercent()).isGreaterThanOrEqualTo(hits.get(i).match().targetPercent());
                }
            }
        }
        // every chair video but the large-logo one finds itself and the other two
        Map<String, VpdqMatcher.Prepared> bank = new LinkedHashMap<>();
        VpdqMatcher spec = new VpdqMatcher();
        VpdqCorpus.VIDEOS.forEach(n -> bank.put(n, spec.prepare(VpdqCorpus.reference(n))));
        assertThat(spec.search(VpdqCorpus.reference("chair-orig-22-sd-bar"), bank)).extracting(VpdqMatcher.Hit::key)
                .containsExactly("chair-orig-22-sd-bar", "chair-19-sd-bar", "chair-22-with-small-logo-bar");
        assertThat(spec.search(VpdqCorpus.reference("chair-22-with-large-logo-bar"), bank)).extracting(VpdqMatcher.Hit::key)
                .containsExactly("chair-22-with-large-logo-bar");
    }

    @Test
    void rulesAtTheEdges() {
        PdqHash a = PdqHash.fromHex("0".repeat(64), 100);
        PdqHash b31 = PdqHash.fromHex("7fffffff" + "0".repeat(56), 100); // 31 bits away
        PdqHash low = PdqHash.fromHex("f".repeat(64), 49);
        VpdqHash q = VpdqHash.of(List.of(new VpdqFeature(0, a, 0), new VpdqFeature(1, a, 0), new VpdqFeature(2, low, 0)));
        VpdqHash t = VpdqHash.of(List.of(new VpdqFeature(0, b31, 0)));
        // described algorithm: distance 31 matches (inclusive), the two identical frames count once, quality 49 out
        VpdqMatch spec = new VpdqMatcher().compare(q, t);
        assertThat(spec).isEqualTo(new VpdqMatch(100, 100, 1, 1, 1, 1, true));
        // match-hashes-brute 31: strictly below 31, so no match; every frame counted
        VpdqMatch brute = BRUTE.compare(q, t);
        assertThat(brute).isEqualTo(new VpdqMatch(0, 0, 2, 1, 0, 0, false));
        assertThat(new VpdqMatcher(VpdqMatcher.Options.matchHashesBrute(32, 50)).compare(q, t))
                .isEqualTo(new VpdqMatch(100, 100, 2, 1, 2, 1, true));
        // nothing left after the quality filter: 0 %, no match (as the C++ tool)
        VpdqHash onlyLow = VpdqHash.of(List.of(new VpdqFeature(0, low, 0)));
        assertThat(new VpdqMatcher().compare(onlyLow, t)).isEqualTo(new VpdqMatch(0, 0, 0, 1, 0, 0, false));
        assertThat(new VpdqMatcher().search(onlyLow, Map.of("t", new VpdqMatcher().prepare(t)))).isEmpty();
        // prepared under other options
        VpdqMatcher.Prepared p = BRUTE.prepare(t);
        assertThatThrownBy(() -> new VpdqMatcher().compare(p, p)).hasMessageContaining("other options");
    }
}
