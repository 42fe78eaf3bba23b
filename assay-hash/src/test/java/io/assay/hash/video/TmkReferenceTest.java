package io.assay.hash.video;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TMK+PDQF: upstream's .tmk files and tmk-two-level-score's scores, reproduced. */
@Timeout(600)
class TmkReferenceTest {

    private static final Path TMK = VpdqCorpus.ROOT.resolve("tmk");

    @Test
    void ourTmkFilesAreUpstreamsByteForByte() throws IOException {
        TmkHasher hasher = new TmkHasher();
        for (String name : VpdqCorpus.VIDEOS) {
            byte[] expected = Files.readAllBytes(TMK.resolve(name + ".tmk"));
            TmkFeatures own = hasher.hash(VpdqCorpus.video(name));
            assertThat(own.toBytes()).as(name).isEqualTo(expected);
            assertThat(TmkFeatures.fromBytes(expected)).isEqualTo(own);
            assertThat(own.framesPerSecond()).isEqualTo(15);
        }
    }

    @Test
    void everyPairScoreOfTmkTwoLevelScoreIsReproduced() throws IOException {
        Map<String, TmkFeatures> f = new HashMap<>();
        for (String name : VpdqCorpus.VIDEOS) {
            f.put(name, TmkFeatures.read(TMK.resolve(name + ".tmk")));
        }
        List<String> lines = Files.readAllLines(VpdqCorpus.ROOT.resolve("expected-tmk-pairs.csv"));
        assertThat(lines.get(0)).isEqualTo("a,b,level1,level2,match_c0.7,match_c0.95");
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",");
            float s1 = TmkFeatures.level1Score(f.get(c[0]), f.get(c[1]));
            float s2 = TmkFeatures.level2Score(f.get(c[0]), f.get(c[1]));
            boolean m07 = s1 >= 0.7f && s2 >= 0.7f;
            boolean m095 = s1 >= 0.95f && s2 >= 0.95f;
            if (!six(s1).equals(c[2]) || !six(s2).equals(c[3]) || m07 != Boolean.parseBoolean(c[4])
                    || m095 != Boolean.parseBoolean(c[5])) {
                wrong.add(line + " -> " + six(s1) + "," + six(s2) + "," + m07 + "," + m095);
            }
            n++;
        }
        assertThat(n).isEqualTo(15);
        assertThat(wrong).isEmpty();
    }

    @Test
    void badTmkBytesAreRefused() {
        assertThatThrownBy(() -> TmkFeatures.fromBytes(new byte[10])).hasMessageContaining("too short");
        assertThatThrownBy(() -> TmkFeatures.fromBytes(new byte[64])).hasMessageContaining("not a TMK+PDQF");
    }

    /** printf("%.6f") of a float. */
    private static String six(float v) {
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }
}
