package io.assay.hash.audio;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Single-thread throughput of fingerprinting and matching, for scripts/bench-audio.sh (not a test).
 *
 * <p>usage: AudioBenchmark WAV... : for each file, CPU seconds per fingerprint (decode from the WAV included, and
 * from PCM already in memory) after a warm-up, as audio seconds per CPU second; then comparisons per second of
 * {@link AudioMatcher#search} of one query against a bank of fingerprints of the same length.
 */
public final class AudioBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AudioBenchmark() {
    }

    private static double cpuSeconds() {
        return THREADS.getCurrentThreadCpuTime() / 1e9;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: AudioBenchmark FILE.wav...");
            System.exit(2);
        }
        // fingerprint everything (no 120 s cut) so that long files measure the whole pipeline
        AudioDecoder decoder = new AudioDecoder(AudioDecoder.Options.defaults().withMaxSeconds(3600, false));
        ChromaprintHasher hasher = new ChromaprintHasher(0, decoder);
        System.out.println("file,audio_s,runs,cpu_s_per_run_from_wav,audio_s_per_cpu_s_from_wav,cpu_s_per_run_from_pcm,audio_s_per_cpu_s_from_pcm,items");
        AudioFingerprint last = null;
        for (String a : args) {
            Path f = Path.of(a);
            PcmAudio pcm = decoder.decode(f);
            double audio = pcm.durationSeconds();
            int runs = (int) Math.max(3, Math.min(50, 600 / audio));
            for (int i = 0; i < Math.max(3, runs / 2); i++) {
                hasher.fingerprint(f); // warm-up
            }
            double t0 = cpuSeconds();
            for (int i = 0; i < runs; i++) {
                last = hasher.fingerprint(f);
            }
            double fromWav = (cpuSeconds() - t0) / runs;
            t0 = cpuSeconds();
            for (int i = 0; i < runs; i++) {
                hasher.fingerprint(pcm);
            }
            double fromPcm = (cpuSeconds() - t0) / runs;
            System.out.printf(Locale.ROOT, "%s,%.2f,%d,%.4f,%.0f,%.4f,%.0f,%d%n", f.getFileName(), audio, runs, fromWav,
                    audio / fromWav, fromPcm, audio / fromPcm, last.size());
        }

        // Matcher: one query against a bank of fingerprints as long as the query: 1% noisy copies of it (12% of
        // the bits flipped, shifted by up to 60 items), the rest random walks that change a few bits per item as
        // real items do.
        AudioFingerprint query = hasher.fingerprint(Path.of(args[0]));
        Random rnd = new Random(42);
        int bankSize = 10_000;
        List<AudioFingerprint> bank = new ArrayList<>(bankSize);
        for (int i = 0; i < bankSize; i++) {
            int[] items = new int[query.size()];
            if (i % 100 == 0) {
                int shift = rnd.nextInt(61);
                for (int j = 0; j < items.length; j++) {
                    items[j] = query.item((j + shift) % items.length) ^ (rnd.nextInt() & rnd.nextInt() & rnd.nextInt());
                }
            } else {
                int v = rnd.nextInt();
                for (int j = 0; j < items.length; j++) {
                    v ^= 1 << rnd.nextInt(32) | 1 << rnd.nextInt(32) | 1 << rnd.nextInt(32);
                    items[j] = v;
                }
            }
            bank.add(new AudioFingerprint(items, query.durationSeconds()));
        }
        AudioMatcher matcher = new AudioMatcher();
        matcher.search(query, bank); // warm-up
        matcher.search(query, bank);
        int rounds = 3;
        double t0 = cpuSeconds();
        int hits = 0;
        for (int r = 0; r < rounds; r++) {
            hits += matcher.search(query, bank).size();
        }
        double cpu = cpuSeconds() - t0;
        System.out.printf(Locale.ROOT, "matcher,items_per_fingerprint=%d,bank=%d,comparisons_per_cpu_s=%.0f,us_per_comparison=%.1f,hits_per_search=%d%n",
                query.size(), bankSize, rounds * bankSize / cpu, cpu / (rounds * bankSize) * 1e6, hits / rounds);
    }
}
