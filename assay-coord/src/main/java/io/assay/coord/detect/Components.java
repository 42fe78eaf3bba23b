package io.assay.coord.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Connected components of an undirected graph given as edges, by union-find. */
public final class Components {

    private Components() {
    }

    /** The components (each a list of vertices), vertices in order of first appearance. */
    public static <V> List<List<V>> of(List<? extends List<V>> edges) {
        Map<V, Integer> id = new LinkedHashMap<>();
        for (List<V> e : edges) {
            id.putIfAbsent(e.get(0), id.size());
            id.putIfAbsent(e.get(1), id.size());
        }
        int[] parent = new int[id.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (List<V> e : edges) {
            union(parent, id.get(e.get(0)), id.get(e.get(1)));
        }
        Map<Integer, List<V>> groups = new LinkedHashMap<>();
        id.forEach((v, i) -> groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(v));
        return new ArrayList<>(groups.values());
    }

    static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

}
