package io.assay.coord.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeidenCommunitiesTest {

    @Test
    void twoCliquesJoinedByOneWeakEdgeAreTwoCommunities() {
        List<int[]> edges = new ArrayList<>();
        for (int base : new int[] {0, 5}) {
            for (int i = 0; i < 5; i++) {
                for (int j = i + 1; j < 5; j++) {
                    edges.add(new int[] {base + i, base + j});
                }
            }
        }
        edges.add(new int[] {4, 5});
        int[] from = edges.stream().mapToInt(e -> e[0]).toArray();
        int[] to = edges.stream().mapToInt(e -> e[1]).toArray();
        double[] w = edges.stream().mapToDouble(e -> e[0] == 4 && e[1] == 5 ? 1 : 10).toArray();
        int[] c = LeidenCommunities.of(10, from, to, w, 1.0, 1);
        for (int i = 1; i < 5; i++) {
            assertThat(c[i]).isEqualTo(c[0]);
            assertThat(c[5 + i]).isEqualTo(c[5]);
        }
        assertThat(c[0]).isNotEqualTo(c[5]);
        assertThat(LeidenCommunities.of(10, from, to, w, 1.0, 1)).isEqualTo(c);
    }
}
