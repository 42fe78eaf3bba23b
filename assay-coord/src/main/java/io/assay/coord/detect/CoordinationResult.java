package io.assay.coord.detect;

import io.assay.coord.report.Campaign;

import java.util.List;
import java.util.Map;

/**
 * What {@link CampaignDetector} found: the network and the campaigns, with each account's campaign id.
 *
 * @param network          the full co-share network (all edges, the coordinated ones flagged)
 * @param campaigns        campaigns, largest first
 * @param campaignOfAccount account -> campaign id, for the accounts of reported campaigns
 */
public record CoordinationResult(AccountNetwork network, List<Campaign> campaigns, Map<String, Integer> campaignOfAccount) {

    public CoordinationResult {
        campaigns = List.copyOf(campaigns);
        campaignOfAccount = Map.copyOf(campaignOfAccount);
    }
}
