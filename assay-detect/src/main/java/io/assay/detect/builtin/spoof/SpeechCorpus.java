package io.assay.detect.builtin.spoof;

import io.assay.detect.builtin.Mono;
import io.assay.hash.audio.AudioDecoder;
import io.assay.hash.audio.PcmAudio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The speech the spoof baseline is trained on, all obtainable from Debian: bona fide = the recorded prompts of
 * {@code asterisk-core-sounds-en-wav} (one human speaker, 8 kHz); synthetic = {@code prompts.txt} spoken by
 * {@code espeak-ng} (four voices) and {@code flite} (two voices).
 */
public final class SpeechCorpus {

    public static final Path ASTERISK = Path.of("/usr/share/asterisk/sounds/en");

    /** A synthetic voice: the command line that speaks a text into a WAV file. */
    public record Voice(String engine, String name, List<String> command) {
        List<String> commandFor(String text, Path wav) {
            List<String> c = new ArrayList<>(command);
            if (engine.equals("espeak-ng")) {
                c.addAll(List.of("-w", wav.toString(), text));
            } else {
                c.addAll(List.of("-t", text, "-o", wav.toString()));
            }
            return c;
        }
    }

    public static final List<Voice> VOICES = List.of(
            new Voice("espeak-ng", "en-us", List.of("espeak-ng", "-v", "en-us")),
            new Voice("espeak-ng", "en-gb+f3", List.of("espeak-ng", "-v", "en-gb+f3", "-s", "150")),
            new Voice("espeak-ng", "en-us+m3", List.of("espeak-ng", "-v", "en-us+m3", "-s", "190", "-p", "40")),
            new Voice("espeak-ng", "en-gb-scotland+f2", List.of("espeak-ng", "-v", "en-gb-scotland+f2", "-s", "165")),
            new Voice("flite", "kal", List.of("flite", "-voice", "kal")),
            new Voice("flite", "slt", List.of("flite", "-voice", "slt")));

    /** One utterance: where it came from, its group for the held-out split, and its mono samples. */
    public record Utterance(String name, String group, boolean synthetic, String engine, double[] samples, int rate) {
    }

    private SpeechCorpus() {
    }

    /** The recorded prompts (the {@code silence/} folder left out), sorted by path. */
    public static List<Utterance> bonaFide() throws IOException {
        if (!Files.isDirectory(ASTERISK)) {
            throw new IllegalStateException("the human speech for the spoof baseline is missing: " + ASTERISK
                    + " (apt-get install asterisk-core-sounds-en-wav)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(ASTERISK, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            files = s.filter(p -> p.toString().endsWith(".wav") && !ASTERISK.relativize(p).startsWith("silence"))
                    .sorted().toList();
        }
        List<Utterance> out = new ArrayList<>();
        for (Path p : files) {
            String name = ASTERISK.relativize(p).toString();
            PcmAudio a = read(p);
            out.add(new Utterance("asterisk/" + name, "asterisk/" + name, false, "human", Mono.of(a), a.sampleRate()));
        }
        return out;
    }

    /** Every text of {@code prompts.txt} in every voice, synthesised into {@code dir}; group = the text. */
    public static List<Utterance> synthetic(Path dir) throws IOException, InterruptedException {
        for (String tool : new String[]{"espeak-ng", "flite"}) {
            requireTool(tool);
        }
        List<String> texts = prompts();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Utterance>> jobs = new ArrayList<>();
            for (int t = 0; t < texts.size(); t++) {
                for (Voice v : VOICES) {
                    String text = texts.get(t);
                    Path wav = dir.resolve(v.engine() + "-" + v.name().replace('+', '_') + "-" + t + ".wav");
                    String group = "text" + t;
                    int index = t;
                    jobs.add(pool.submit(() -> {
                        run(v.commandFor(text, wav));
                        PcmAudio a = read(wav);
                        return new Utterance(v.engine() + "/" + v.name() + "/" + index, group, true, v.engine(), Mono.of(a), a.sampleRate());
                    }));
                }
            }
            List<Utterance> out = new ArrayList<>();
            for (Future<Utterance> f : jobs) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("speech synthesis failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    public static List<String> prompts() throws IOException {
        try (InputStream in = SpeechCorpus.class.getResourceAsStream("prompts.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource prompts.txt");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    static void requireTool(String tool) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException(tool + " is needed to synthesise the spoof training speech and was not found on the PATH (apt-get install "
                    + tool + ")", e);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException(command + " exited with " + p.exitValue() + ": " + new String(log, StandardCharsets.UTF_8));
        }
    }

    private static PcmAudio read(Path wav) throws IOException {
        try (InputStream in = Files.newInputStream(wav)) {
            return new AudioDecoder().decodeWav(in);
        }
    }
}
