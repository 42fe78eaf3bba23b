package io.assay.server.coord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A coordinated campaign as the server keeps it: found again by each detection run while its accounts stay mostly the
 * same, so its id is stable and its first detection is remembered.
 *
 * @param accounts     its accounts ({@code platform:account})
 * @param objects      the objects they co-shared ({@code signal:...}, {@code media:...}, {@code url:...}, ...)
 * @param labels       Assay's labels of the shared media (label -> shares)
 * @param edges        the coordinated edges among its accounts, for drawing the network
 * @param electionRisk {@code high} when one of its shares was election-risk media
 * @param alerts       the alerts it raised
 */
public record CampaignRecord(UUID id, Instant firstDetectedAt, Instant lastDetectedAt, List<String> accounts,
                             List<String> objects, Map<String, Integer> labels, List<Edge> edges, int shares,
                             Instant firstShare, Instant lastShare, double meanDeltaSeconds, String electionRisk,
                             List<AlertRecord> alerts) {

    /** A coordinated edge: two accounts, the objects they co-shared, how close in time, how balanced. */
    public record Edge(String a, String b, int weight, double meanDeltaSeconds, double symmetry) {
    }
}
