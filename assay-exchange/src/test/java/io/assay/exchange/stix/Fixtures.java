package io.assay.exchange.stix;

import java.time.Instant;
import java.util.List;

/** Shared test data: a fixed clock, participants and a flagged-media indicator. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123456Z");
    public static final String FACT_CHECKER = "identity--0b1d4a4e-8d55-4c1e-9f0e-2c1a7b9b6f10";
    public static final String PLATFORM = "identity--5a3c2f7e-1d2b-4e6f-8a9b-0c1d2e3f4a5b";
    public static final String AUTHORITY = "identity--9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4";
    public static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static final String MD5 = "098f6bcd4621d373cade4e832627b4f6";
    public static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    private Fixtures() {
    }

    public static List<MediaSignal> signals() {
        return List.of(MediaSignal.of("sha256", SHA256), MediaSignal.of("md5", MD5),
                new MediaSignal("pdq", PDQ, 100), MediaSignal.of("chromaprint", "AQAAE0mUaEkSRZEGAA"));
    }

    public static DeepfakeFlag flag() {
        return new DeepfakeFlag("deepfake", "Synthetic voice of the candidate announcing a false polling date",
                "https://factcheck.example/debunks/1234", "2026 municipal election", "Jane Doe");
    }

    public static Indicator indicator(Tlp tlp) {
        return StixSignals.indicator(FACT_CHECKER, signals(), flag(), tlp, NOW);
    }

    /** A peer's indicator with properties and extensions Assay does not know, and microsecond timestamps. */
    public static final String FOREIGN_INDICATOR = """
            {
              "type": "indicator",
              "spec_version": "2.1",
              "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
              "created_by_ref": "identity--5a3c2f7e-1d2b-4e6f-8a9b-0c1d2e3f4a5b",
              "created": "2026-11-24T08:17:27.000123Z",
              "modified": "2026-11-24T08:17:27.000123Z",
              "name": "Altered rally video",
              "indicator_types": ["malicious-activity"],
              "pattern": "[file:hashes.'SHA-256' = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'] OR [file:hashes.MD5 = '098f6bcd4621d373cade4e832627b4f6']",
              "pattern_type": "stix",
              "valid_from": "2026-11-24T08:17:27Z",
              "kill_chain_phases": [{"kill_chain_name": "disarm", "phase_name": "develop-content"}],
              "x_peer_score": 0.97,
              "x_peer_flags": {"nested": [1, 2, {"deep": null}]},
              "extensions": {
                "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e": {
                  "extension_type": "property-extension",
                  "rank": 5
                }
              }
            }
            """;
}
