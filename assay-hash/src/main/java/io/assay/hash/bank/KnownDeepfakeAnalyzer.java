package io.assay.hash.bank;

import io.assay.core.analyzer.Analyzer;
import io.assay.core.analyzer.AnalyzerSettings;
import io.assay.core.analyzer.InstalledAnalyzers;
import io.assay.core.evidence.Assurance;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.scan.ScanContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code known-deepfake} signal: hashes the asset (PDQ for images; vPDQ and Chromaprint for video and audio
 * while banks hold such signals) and looks the hashes up in the banks of debunked media. Reports the computed hashes as an observation (platforms keep them to find copies later) and
 * each bank hit as a {@link EvidenceKind#MATCH}, carrying the bank entry's context; the label policy turns a match
 * into the {@code known-deepfake} label.
 */
public final class KnownDeepfakeAnalyzer implements Analyzer {

    public static final String NAME = "known-deepfake";

    private final MediaSignals signals;
    private final SignalBank bank;
    private final java.util.Set<io.assay.hash.SignalType> always;

    public KnownDeepfakeAnalyzer(MediaSignals signals, SignalBank bank) {
        this(signals, bank, java.util.EnumSet.of(io.assay.hash.SignalType.PDQ));
    }

    /**
     * @param always the signal types computed for every asset they apply to, whether or not a bank holds them (so that
     *               a deepfake flagged later can be searched among past uploads); the others only while a bank holds
     *               them, since audio and video cost a decode
     */
    public KnownDeepfakeAnalyzer(MediaSignals signals, SignalBank bank, java.util.Set<io.assay.hash.SignalType> always) {
        this.signals = java.util.Objects.requireNonNull(signals, "signals");
        this.bank = java.util.Objects.requireNonNull(bank, "bank");
        this.always = java.util.EnumSet.of(io.assay.hash.SignalType.PDQ);
        this.always.addAll(always);
    }

    /**
     * The installed analyzers (as {@link InstalledAnalyzers} loads them), with this one matching against a live
     * {@code bank} (kept in step with a database or a topic by its owner) instead of a bank folder: what the server and
     * a stream instance scan with.
     */
    public static List<Analyzer> installedOver(SignalBank bank, MediaSignals signals, AnalyzerSettings settings) {
        List<Analyzer> analyzers = new ArrayList<>(InstalledAnalyzers.load(settings));
        analyzers.removeIf(a -> a.name().equals(NAME));
        analyzers.add(new KnownDeepfakeAnalyzer(signals, bank, KnownDeepfakeAnalyzerProvider.always(settings)));
        return analyzers;
    }

    public SignalBank bank() {
        return bank;
    }

    @Override
    public String name() {
        return NAME;
    }

    private boolean wants(io.assay.hash.SignalType t) {
        return always.contains(t) || bank.holds(t);
    }

    @Override
    public boolean supports(MediaType type) {
        // Images are always hashed (milliseconds; the hash is kept with the verdict). Audio and video cost a decode
        // through ffmpeg, so they are hashed only while some bank holds signals they could match, or when asked to
        // always be (for retro-hunts).
        return switch (type.kind()) {
            case IMAGE -> signals.supports(type);
            case AUDIO -> signals.supports(type) && wants(io.assay.hash.SignalType.CHROMAPRINT);
            case VIDEO -> signals.supports(type)
                    && (wants(io.assay.hash.SignalType.VPDQ) || wants(io.assay.hash.SignalType.CHROMAPRINT));
            default -> false;
        };
    }

    @Override
    public List<Evidence> analyze(MediaAsset asset, ScanContext context) throws Exception {
        // Images: always PDQ. Audio and video: the types asked for always, and those some bank holds (each costs a decode).
        java.util.Set<io.assay.hash.SignalType> wanted = java.util.EnumSet.copyOf(always);
        for (io.assay.hash.SignalType t : io.assay.hash.SignalType.values()) {
            if (bank.holds(t)) {
                wanted.add(t);
            }
        }
        List<QuerySignal> computed = signals.compute(asset, wanted);
        List<Evidence> out = new ArrayList<>();
        for (QuerySignal s : computed) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("signalType", s.type().id());
            d.put("signal", s.value());
            String quality = "";
            if (s instanceof QuerySignal.Pdq p) {
                d.put("quality", p.hash().quality());
                quality = " (quality " + p.hash().quality() + ")";
            }
            out.add(new Evidence(NAME, EvidenceKind.OBSERVATION, s.type().id() + " " + abbreviate(s.value()) + quality,
                    1.0, null, Assurance.NONE, d));
        }
        for (BankMatch m : bank.match(computed)) {
            out.add(toEvidence(m));
        }
        return out;
    }

    static Evidence toEvidence(BankMatch m) {
        BankEntry e = m.entry();
        EntryContext c = e.context();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("bank", e.bank());
        d.put("entryId", e.id());
        d.put("signalType", e.type().id());
        d.put("measure", m.measure());
        d.put("score", m.score());
        putIf(d, "label", c.label());
        putIf(d, "reason", c.reason());
        putIf(d, "debunkUrl", c.debunkUrl());
        putIf(d, "election", c.election());
        putIf(d, "candidate", c.candidate());
        putIf(d, "addedBy", c.addedBy());
        if (c.addedAt() != null) {
            d.put("addedAt", c.addedAt().toString());
        }
        String what = c.label() != null && !c.label().isBlank() ? "'" + c.label().strip() + "'" : "entry #" + e.id();
        String context = c.describe();
        String finding = "matches " + what + " in bank '" + e.bank() + "' (entry #" + e.id() + ", " + m.detail() + ")"
                + (context.isEmpty() ? "" : ": " + context);
        return new Evidence(NAME, EvidenceKind.MATCH, finding, 1.0, null, Assurance.NONE, d);
    }

    private static void putIf(Map<String, Object> d, String key, String value) {
        if (value != null && !value.isBlank()) {
            d.put(key, value);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
