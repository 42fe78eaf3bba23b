package io.assay.coord.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One detected campaign: a community of accounts joined by coordinated edges.
 *
 * @param id          1, 2, ... by decreasing number of accounts
 * @param accounts    its accounts, sorted
 * @param objects     the objects its accounts co-shared with each other within the window, sorted
 * @param shares      shares in those co-shares
 * @param firstShare  the earliest of those shares
 * @param lastShare   the latest
 * @param labels      the media labels of those shares (label -> shares), e.g. "ai-generated"
 * @param edges       coordinated edges inside the campaign
 * @param weight      their total weight (co-shared objects, summed over edges)
 * @param meanDeltaSeconds mean time between the paired shares
 */
public record Campaign(int id, List<String> accounts, List<String> objects, int shares, Instant firstShare, Instant lastShare,
                       Map<String, Integer> labels, int edges, long weight, double meanDeltaSeconds) {

    public Campaign {
        accounts = List.copyOf(accounts);
        objects = List.copyOf(objects);
        labels = Map.copyOf(labels);
    }
}
