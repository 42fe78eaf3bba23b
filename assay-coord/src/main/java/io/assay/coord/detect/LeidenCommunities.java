package io.assay.coord.detect;

import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

import java.util.Random;

/** Communities of a weighted undirected graph by the Leiden algorithm (CWTS networkanalysis), maximising modularity. */
public final class LeidenCommunities {

    private LeidenCommunities() {
    }

    /**
     * The community of every node ({@code 0..nodes-1}), communities numbered by decreasing size. Edges are listed
     * once each ({@code from[i]}, {@code to[i]}, {@code weight[i]}).
     */
    public static int[] of(int nodes, int[] from, int[] to, double[] weight, double resolution, long seed) {
        if (nodes == 0) {
            return new int[0];
        }
        LargeIntArray[] edges = {new LargeIntArray(from), new LargeIntArray(to)};
        // node weights = strengths and resolution / 2m: the library's CPM quality becomes modularity
        Network network = new Network(nodes, true, edges, new LargeDoubleArray(weight), false, true);
        double modularityResolution = resolution / (2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks());
        LeidenAlgorithm leiden = new LeidenAlgorithm(modularityResolution, 2, LeidenAlgorithm.DEFAULT_RANDOMNESS, new Random(seed));
        Clustering clustering = new Clustering(nodes);
        // start from singletons, as the library's own runner does
        clustering.initSingletonClusters();
        // iterate until stable (as the library's own runner does with n_iterations < 0), bounded
        for (int i = 0; i < 50 && leiden.improveClustering(network, clustering); i++) {
            // keep improving
        }
        clustering.orderClustersByNNodes();
        return clustering.getClusters();
    }
}
