package io.assay.hash.bank;

import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.scan.ScanContext;
import io.assay.core.testing.SharedCorpus;
import io.assay.hash.SignalType;
import io.assay.hash.audio.ChromaprintHasher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A banked robocall is recognised in its telephone-band, cut, noisy and re-sampled copies; another message is not. */
class RobocallBankTest {

    static final Path AUDIO = SharedCorpus.corpus("audio");
    static SignalBank bank;
    static final MediaSignals SIGNALS = new MediaSignals();

    @BeforeAll
    static void bankTheOriginal() throws Exception {
        bank = new SignalBank();
        bank.putBank("robocalls", MatchThresholds.DEFAULTS);
        String fp = new ChromaprintHasher().fingerprint(AUDIO.resolve("orig.wav")).canonical();
        bank.add(new BankEntry(42, "robocalls", SignalType.CHROMAPRINT, fp, 100,
                new EntryContext("cloned-voice robocall", "tells voters the polls moved", "https://factcheck.example/call",
                        "test-2026", "Jane Example", "authority-1", null)));
    }

    private static List<Evidence> matches(String clip) throws Exception {
        KnownDeepfakeAnalyzer analyzer = new KnownDeepfakeAnalyzer(SIGNALS, bank);
        return analyzer.analyze(MediaAsset.open(AUDIO.resolve(clip), AssetLimits.DEFAULT), ScanContext.NONE).stream()
                .filter(e -> e.kind() == EvidenceKind.MATCH).toList();
    }

    @Test
    void copiesOfTheRobocallMatch() throws Exception {
        for (String clip : List.of("tel.wav", "cut.wav", "noisy.wav", "orig44.wav", "loud.wav", "fast.wav")) {
            assertThat(matches(clip)).as(clip).singleElement().satisfies(e -> {
                assertThat(e.finding()).contains("cloned-voice robocall", "robocalls", "Chromaprint bit error rate");
                assertThat(e.details()).containsEntry("entryId", 42L).containsEntry("signalType", "chromaprint");
            });
        }
        // The cut copy starts 5 s into the original.
        assertThat(matches("cut.wav").getFirst().finding()).contains("the copy starts 5.0 s into the banked audio");
    }

    @Test
    void audioIsOnlyDecodedWhileABankHoldsAudioSignals() {
        KnownDeepfakeAnalyzer withAudio = new KnownDeepfakeAnalyzer(SIGNALS, bank);
        SignalBank imagesOnly = new SignalBank();
        imagesOnly.putBank("images", MatchThresholds.DEFAULTS);
        KnownDeepfakeAnalyzer without = new KnownDeepfakeAnalyzer(SIGNALS, imagesOnly);
        assertThat(withAudio.supports(io.assay.core.media.MediaType.WAV)).isTrue();
        assertThat(withAudio.supports(io.assay.core.media.MediaType.MP4)).isTrue(); // a video's sound track
        assertThat(without.supports(io.assay.core.media.MediaType.WAV)).isFalse();
        assertThat(without.supports(io.assay.core.media.MediaType.MP4)).isFalse();
        assertThat(without.supports(io.assay.core.media.MediaType.JPEG)).isTrue();
    }

    @Test
    void anotherMessageDoesNotMatch() throws Exception {
        assertThat(matches("other.wav")).isEmpty();
    }

    @Test
    void aStricterBankThresholdRejectsTheTelephoneCopy() throws Exception {
        SignalBank strict = new SignalBank();
        MatchThresholds d = MatchThresholds.DEFAULTS;
        strict.putBank("strict", new MatchThresholds(d.pdqDistance(), d.pdqQuality(), d.vpdqDistance(), d.vpdqQuality(),
                d.vpdqQueryPct(), d.vpdqTargetPct(), 0.03, d.dihedral()));
        strict.add(new BankEntry(1, "strict", SignalType.CHROMAPRINT,
                new ChromaprintHasher().fingerprint(AUDIO.resolve("orig.wav")).canonical(), 100, EntryContext.NONE));
        List<QuerySignal> tel = SIGNALS.compute(MediaAsset.open(AUDIO.resolve("tel.wav"), AssetLimits.DEFAULT));
        List<QuerySignal> loud = SIGNALS.compute(MediaAsset.open(AUDIO.resolve("loud.wav"), AssetLimits.DEFAULT));
        assertThat(strict.match(tel)).isEmpty(); // window BER 0.059
        assertThat(strict.match(loud)).hasSize(1); // window BER 0.000
    }

    @Test
    void malformedOrTooShortFingerprintsAreRefused() {
        assertThatThrownBy(() -> SignalBank.canonical(SignalType.CHROMAPRINT, "not base64 !!"))
                .isInstanceOf(IllegalArgumentException.class);
        String shortFp = new ChromaprintHasher().fingerprint(new short[11025 * 3], 11025).canonical();
        assertThatThrownBy(() -> bank.add(new BankEntry(99, "robocalls", SignalType.CHROMAPRINT, shortFp, 100, EntryContext.NONE)))
                .hasMessageContaining("at least 64 items");
    }
}
