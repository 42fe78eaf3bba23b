package io.assay.core.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * An election on the watch list. While it is active (between {@code from} and {@code until}, inclusive; open ends
 * are unbounded), a request whose context names it, or whose caption or tagged candidates mention one of its
 * candidates, or whose region is one of its regions while its caption uses one of its keywords, is high risk.
 */
public record WatchedElection(
        String id,
        String name,
        List<String> regions,
        LocalDate from,
        LocalDate until,
        List<String> candidates,
        List<String> keywords) {

    public WatchedElection {
        regions = regions == null ? List.of() : List.copyOf(regions);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    public boolean activeOn(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
    }
}
