package io.assay.coord.share;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MediaObjectClustererTest {

    static String flip(String hex, int bits, Random r) {
        long[] w = MediaObjectClusterer.parse(hex);
        java.util.Set<Integer> done = new java.util.HashSet<>();
        while (done.size() < bits) {
            int b = r.nextInt(256);
            if (done.add(b)) {
                w[b >> 6] ^= 1L << (b & 63);
            }
        }
        return String.format("%016x%016x%016x%016x", w[0], w[1], w[2], w[3]);
    }

    @Test
    void joinsWithinTheDistanceTransitivelyAndNothingBeyond() {
        Random r = new Random(5);
        String a = String.format("%016x%016x%016x%016x", r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
        String a31 = flip(a, 31, r);
        String a32 = flip(a, 32, r);
        String far = String.format("%016x%016x%016x%016x", r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
        int[] c = new MediaObjectClusterer(31).cluster(List.of(a, a31, a32, far));
        assertThat(c[1]).isEqualTo(c[0]);
        // a32 is 32 bits from a; it joins only if it is within 31 of a31 (by chance), so compare with brute force
        boolean near = MediaObjectClusterer.distance(MediaObjectClusterer.parse(a32), MediaObjectClusterer.parse(a31)) <= 31;
        assertThat(c[2] == c[0]).isEqualTo(near);
        assertThat(c[3]).isEqualTo(3);
    }

    @Test
    void equalsBruteForceSingleLinkage() {
        Random r = new Random(9);
        List<String> hashes = new java.util.ArrayList<>();
        for (int k = 0; k < 30; k++) {
            String base = String.format("%016x%016x%016x%016x", r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
            hashes.add(base);
            for (int v = 0; v < 4; v++) {
                hashes.add(flip(base, r.nextInt(40), r));
            }
        }
        int[] c = new MediaObjectClusterer(31).cluster(hashes);
        UnionFind uf = new UnionFind(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (MediaObjectClusterer.distance(MediaObjectClusterer.parse(hashes.get(i)), MediaObjectClusterer.parse(hashes.get(j))) <= 31) {
                    uf.union(i, j);
                }
            }
        }
        for (int i = 0; i < hashes.size(); i++) {
            for (int j = 0; j < i; j++) {
                assertThat(c[i] == c[j]).isEqualTo(uf.find(i) == uf.find(j));
            }
        }
    }
}
