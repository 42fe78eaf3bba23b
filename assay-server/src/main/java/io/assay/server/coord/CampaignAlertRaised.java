package io.assay.server.coord;

/** Published (Spring application event) when a campaign raises a new alert. */
public record CampaignAlertRaised(AlertRecord alert, CampaignRecord campaign) {
}
