package io.assay.coord.synth;

import io.assay.coord.detect.CampaignDetector;
import io.assay.coord.detect.CoordinationResult;
import io.assay.coord.detect.CoordinationSettings;
import io.assay.coord.share.MediaObjectClusterer;
import io.assay.coord.share.Share;
import io.assay.coord.share.ShareTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Precision and recall of the accounts found in campaigns against a synthetic stream's coordinated accounts. */
public record Evaluation(int truth, int flagged, int truePositives, double precision, double recall, int campaigns) {

    public double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public static Evaluation of(Set<String> truth, Set<String> flagged, int campaigns) {
        Set<String> tp = new HashSet<>(flagged);
        tp.retainAll(truth);
        double p = flagged.isEmpty() ? 0 : (double) tp.size() / flagged.size();
        double r = truth.isEmpty() ? 0 : (double) tp.size() / truth.size();
        return new Evaluation(truth.size(), flagged.size(), tp.size(), p, r, campaigns);
    }

    /**
     * Runs the detector on the stream and scores it. With {@code clusterMedia}, variant objects are first merged by
     * {@link MediaObjectClusterer} over their perceptual hashes (what production does); without, each re-encode
     * is its own object.
     */
    public static Evaluation run(SyntheticStream s, CoordinationSettings settings, boolean clusterMedia) {
        CoordinationResult r = new CampaignDetector(settings).detect(table(s, clusterMedia));
        return of(s.coordinated(), r.campaignOfAccount().keySet(), r.campaigns().size());
    }

    public static ShareTable table(SyntheticStream s, boolean clusterMedia) {
        Map<String, String> objectOf = new HashMap<>();
        if (clusterMedia) {
            List<String> ids = new ArrayList<>(s.mediaHashes().keySet());
            ids.sort(null);
            List<String> hashes = ids.stream().map(s.mediaHashes()::get).toList();
            int[] cluster = new MediaObjectClusterer(MediaObjectClusterer.DEFAULT_DISTANCE).cluster(hashes);
            for (int i = 0; i < ids.size(); i++) {
                objectOf.put(ids.get(i), "media:" + hashes.get(cluster[i]));
            }
        }
        ShareTable t = new ShareTable();
        for (Share sh : s.shares()) {
            t.add(sh.platform(), sh.accountKey(), objectOf.getOrDefault(sh.object(), sh.object()), sh.content(), sh.epochMillis(),
                    sh.label());
        }
        return t;
    }
}
