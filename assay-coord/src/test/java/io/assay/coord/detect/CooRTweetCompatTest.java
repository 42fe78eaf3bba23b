package io.assay.coord.detect;

import io.assay.coord.PeerData;
import io.assay.coord.share.ShareTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CooRTweet compatibility on both real datasets and all four of the peer's runs: the pairs (as a multiset), every
 * edge with all its columns (unordered account pairs), and the coordinated subgraph's components (as a partition)
 * equal the peer's output.
 */
class CooRTweetCompatTest {

    @Test
    void russianWindow10() throws IOException {
        check("russian_coord_tweets_tw10_mp2_ew0.5", CooRTweetCompat.detectGroups(PeerData.russian(), 10, 2));
    }

    @Test
    void russianWindow60() throws IOException {
        check("russian_coord_tweets_tw60_mp2_ew0.5", CooRTweetCompat.detectGroups(PeerData.russian(), 60, 2));
    }

    @Test
    void germanImagesWindow10() throws IOException {
        check("german_elections_phash_tw10_mp2_ew0.5", CooRTweetCompat.detectGroups(PeerData.german("phash_id", "hash_"), 10, 2));
    }

    @Test
    void germanUrlsAndImagesWindow30() throws IOException {
        // the vignette's multimodal run: each object type through detect_groups separately, results row-bound
        List<CooRTweetCompat.Pair> pairs = new ArrayList<>(CooRTweetCompat.detectGroups(PeerData.german("url_id", "url_"), 30, 2));
        pairs.addAll(CooRTweetCompat.detectGroups(PeerData.german("phash_id", "hash_"), 30, 2));
        check("german_elections_url+phash_tw30_mp2_ew0.5", pairs);
    }

    private static void check(String run, List<CooRTweetCompat.Pair> pairs) throws IOException {
        Path dir = PeerData.peerRun(run);
        List<Map<String, String>> peerPairs = PeerData.csv(dir.resolve("groups.csv"));
        Map<String, Integer> expected = new TreeMap<>();
        for (Map<String, String> p : peerPairs) {
            expected.merge(String.join("|", p.get("object_id"), p.get("account_id"), p.get("account_id_y"), p.get("content_id"),
                    p.get("content_id_y"), num(Double.parseDouble(p.get("time_delta")))), 1, Integer::sum);
        }
        Map<String, Integer> actual = new TreeMap<>();
        for (CooRTweetCompat.Pair p : pairs) {
            actual.merge(String.join("|", p.object(), p.account(), p.accountY(), p.content(), p.contentY(), num(p.timeDelta())), 1, Integer::sum);
        }
        assertThat(pairs).as(run + " pair rows").hasSize(peerPairs.size());
        assertThat(actual).as(run + " pairs").isEqualTo(expected);

        List<CooRTweetCompat.Edge> edges = CooRTweetCompat.network(pairs, 0.5);
        Map<Set<String>, String> expectedEdges = new HashMap<>();
        for (Map<String, String> e : PeerData.csv(dir.resolve("edges.csv"))) {
            expectedEdges.put(Set.of(e.get("from"), e.get("to")), String.join("|", e.get("weight"),
                    num(Double.parseDouble(e.get("avg_time_delta"))), e.get("n_content_id"), e.get("n_content_id_y"),
                    num(Double.parseDouble(e.get("edge_symmetry_score"))), e.get("weight_threshold")));
        }
        Map<Set<String>, String> actualEdges = new HashMap<>();
        for (CooRTweetCompat.Edge e : edges) {
            actualEdges.put(Set.of(e.from(), e.to()), String.join("|", Integer.toString(e.weight()), num(e.avgTimeDelta()),
                    Integer.toString(e.nContentId()), Integer.toString(e.nContentIdY()), num(e.edgeSymmetryScore()),
                    e.coordinated() ? "1" : "0"));
        }
        assertThat(actualEdges).as(run + " edges").isEqualTo(expectedEdges);
        assertThat(edges.stream().filter(CooRTweetCompat.Edge::coordinated).count()).as(run + " coordinated edges")
                .isPositive();

        // the coordinated subgraph's components, as a partition of accounts
        Set<Set<String>> expectedComponents = partition(PeerData.csv(dir.resolve("accounts.csv")).stream()
                .filter(a -> a.get("coordinated").equals("1"))
                .collect(java.util.stream.Collectors.groupingBy(a -> a.get("component_thr"),
                        java.util.stream.Collectors.mapping(a -> a.get("account_id"), java.util.stream.Collectors.toSet())))
                .values());
        assertThat(partition(Components.of(edges.stream().filter(CooRTweetCompat.Edge::coordinated)
                .map(e -> List.of(e.from(), e.to())).toList()))).as(run + " coordinated components").isEqualTo(expectedComponents);
    }

    private static Set<Set<String>> partition(Collection<? extends Collection<String>> groups) {
        Set<Set<String>> out = new HashSet<>();
        groups.forEach(g -> out.add(Set.copyOf(g)));
        return out;
    }

    /** Numbers compared to 9 significant digits: the peer's CSV prints R's doubles with 15. */
    private static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.9g", v);
    }
}
