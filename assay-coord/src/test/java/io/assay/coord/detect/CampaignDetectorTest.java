package io.assay.coord.detect;

import io.assay.coord.report.Campaign;
import io.assay.coord.share.Share;
import io.assay.coord.share.ShareTable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class CampaignDetectorTest {

    /** Two tight groups pushing their own objects, plus background accounts sharing once each. */
    public static ShareTable twoGroups() {
        ShareTable t = new ShareTable();
        long base = 1_700_000_000_000L;
        for (int k = 0; k < 12; k++) {
            long t0 = base + k * 3_600_000L;
            for (int m = 0; m < 4; m++) {
                t.add(new Share("x", "g1_" + m, "push1_" + k, "", t0 + m * 2000L, k % 3 == 0 ? "ai-generated" : ""));
                t.add(new Share("x", "g2_" + m, "push2_" + k, "", t0 + 1_800_000L + m * 1500L, ""));
            }
            for (int b = 0; b < 40; b++) {
                // background: chance co-shares (neighbours 5-10 s apart), weight 1 edges that set the percentile
                t.add(Share.of("bg" + (k * 97 + b * 13) % 400, "news" + k, t0 + b * 5_000L));
            }
        }
        return t;
    }

    @Test
    void findsBothGroupsAsCampaigns() {
        CoordinationResult r = new CampaignDetector(CoordinationSettings.DEFAULT).detect(twoGroups());
        assertThat(r.campaigns()).hasSize(2);
        List<List<String>> accounts = r.campaigns().stream().map(Campaign::accounts).toList();
        assertThat(accounts).containsExactlyInAnyOrder(List.of("x:g1_0", "x:g1_1", "x:g1_2", "x:g1_3"),
                List.of("x:g2_0", "x:g2_1", "x:g2_2", "x:g2_3"));
        Campaign g1 = r.campaigns().stream().filter(c -> c.accounts().contains("x:g1_0")).findFirst().orElseThrow();
        assertThat(g1.objects()).hasSize(12);
        assertThat(g1.labels()).containsEntry("ai-generated", 16);
        assertThat(g1.firstShare().toEpochMilli()).isEqualTo(1_700_000_000_000L);
        assertThat(g1.edges()).isEqualTo(6);
        assertThat(g1.weight()).isEqualTo(6 * 12);
    }

    @Test
    void aWindowTooShortForTheSpacingFindsNothing() {
        CoordinationResult r = new CampaignDetector(CoordinationSettings.DEFAULT.withWindow(Duration.ofMillis(1000))).detect(twoGroups());
        assertThat(r.campaigns()).isEmpty();
    }

    @Test
    void reSharingOneObjectDoesNotAddWeight() {
        ShareTable t = new ShareTable();
        for (int i = 0; i < 10; i++) {
            t.add(Share.of("a", "x", i * 1000L)).add(Share.of("b", "x", i * 1000L + 500));
        }
        AccountNetwork n = AccountNetwork.build(t, CoordinationSettings.DEFAULT);
        assertThat(n.edgeCount()).isEqualTo(1);
        assertThat(n.edge(0).weight()).isEqualTo(1);
        assertThat(n.edge(0).pairs()).isGreaterThan(10);
    }
}
