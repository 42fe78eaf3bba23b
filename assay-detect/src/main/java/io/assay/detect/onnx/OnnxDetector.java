package io.assay.detect.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.assay.core.media.MediaType;
import io.assay.detect.Detector;
import io.assay.detect.DetectorInfo;
import io.assay.detect.DetectorInput;
import io.assay.detect.DetectorOutcome;
import io.assay.detect.card.ModelCard;
import io.assay.detect.card.ModelCardException;
import io.assay.detect.card.ModelFile;
import io.assay.hash.audio.PcmAudio;
import io.assay.hash.video.VideoFrame;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A detector backed by an ONNX model and its card: the model is verified against the card's SHA-256, its declared
 * input and output are checked against the card, and every input is prepared and read exactly as the card says.
 * Images score once; video scores the card's number of evenly spread frames; audio (or a video's sound, for audio
 * models) scores every window; frames and windows are aggregated as the card says.
 *
 * <p>Thread-safe: ONNX Runtime sessions serve concurrent runs. An interrupted thread stops its inference (see
 * {@link InterruptWatch}). {@link #close()} waits for running inferences.
 */
public final class OnnxDetector implements Detector, AutoCloseable {

    /** How each ONNX session runs; one intra-op thread by default, since scans and detectors already run in parallel. */
    public record Options(int intraOpThreads) {
        public Options {
            if (intraOpThreads < 1 || intraOpThreads > 256) {
                throw new IllegalArgumentException("intra-op threads must be within 1..256: " + intraOpThreads);
            }
        }

        public static Options defaults() {
            return new Options(1);
        }
    }

    private final ModelCard card;
    private final DetectorInfo info;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final ImagePreprocessor images;
    private final AudioPreprocessor sounds;
    private final ScoreMapper scores;
    private final long[] inputShape;
    private final ReentrantReadWriteLock open = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxDetector(ModelCard card, OrtEnvironment env, OrtSession session) {
        this.card = card;
        this.info = card.info();
        this.env = env;
        this.session = session;
        this.images = card.image() == null ? null : new ImagePreprocessor(card.image(), card.input());
        this.sounds = card.audio() == null ? null : new AudioPreprocessor(card.audio());
        this.scores = new ScoreMapper(card.output());
        long[] shape = card.input().shapeArray();
        shape[0] = 1;
        if (card.audio() != null) {
            shape[1] = card.audio().windowSamples();
        }
        this.inputShape = shape;
    }

    /** Verifies the model file, opens it and checks its signature; any mismatch is a {@link ModelCardException}. */
    public static OnnxDetector load(ModelCard card, Options options) throws ModelCardException {
        byte[] model = ModelFile.readVerified(card);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(1);
            so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            session = env.createSession(model, so);
        } catch (OrtException e) {
            throw new ModelCardException("model card " + card.file() + ": model file " + card.model()
                    + " is not a model ONNX Runtime can load: " + firstLine(e.getMessage()), e);
        }
        try {
            ModelSignature.check(card, session);
        } catch (ModelCardException | OrtException e) {
            closeQuietly(session);
            if (e instanceof ModelCardException mce) {
                throw mce;
            }
            throw new ModelCardException("model card " + card.file() + ": cannot read the model's signature: "
                    + firstLine(e.getMessage()), e);
        }
        return new OnnxDetector(card, env, session);
    }

    public ModelCard card() {
        return card;
    }

    @Override
    public DetectorInfo info() {
        return info;
    }

    @Override
    public DetectorOutcome detect(DetectorInput input) throws Exception {
        MediaType.Kind kind = input.kind();
        if (!info.kinds().contains(kind)) {
            return new DetectorOutcome.NotApplicable("scores " + kinds() + ", not " + id(kind));
        }
        open.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("detector " + info.id() + " is closed");
            }
            if (images != null) {
                return kind == MediaType.Kind.VIDEO ? scoreFrames(input) : scoreImage(input);
            }
            return scoreSound(input);
        } finally {
            open.readLock().unlock();
        }
    }

    private DetectorOutcome scoreImage(DetectorInput input) throws Exception {
        return DetectorOutcome.Scored.of(run(images.tensor(input.image())));
    }

    private DetectorOutcome scoreFrames(DetectorInput input) throws Exception {
        List<VideoFrame> frames = input.frames();
        if (frames.isEmpty()) {
            return new DetectorOutcome.NotApplicable("the video has no decodable frame");
        }
        List<Double> perFrame = new ArrayList<>();
        List<Integer> picked = spread(frames.size(), card.video().frames());
        for (int i : picked) {
            perFrame.add(run(images.tensor(DetectorInput.toImage(frames.get(i)))));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("frames", perFrame.size());
        details.put("aggregate", id(card.video().aggregate()));
        details.put("frameScores", perFrame.stream().map(OnnxDetector::round).toList());
        return new DetectorOutcome.Scored(card.video().aggregate().apply(perFrame), details);
    }

    private DetectorOutcome scoreSound(DetectorInput input) throws Exception {
        PcmAudio pcm;
        try {
            pcm = input.audio();
        } catch (IOException e) {
            return new DetectorOutcome.NotApplicable("no decodable sound: " + firstLine(e.getMessage()));
        }
        List<float[]> windows = sounds.windows(pcm);
        if (windows.isEmpty()) {
            return new DetectorOutcome.NotApplicable("the sound track is empty");
        }
        List<Double> perWindow = new ArrayList<>();
        for (float[] w : windows) {
            perWindow.add(run(w));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("windows", perWindow.size());
        details.put("aggregate", id(card.audio().aggregate()));
        details.put("windowScores", perWindow.stream().limit(64).map(OnnxDetector::round).toList());
        return new DetectorOutcome.Scored(card.audio().aggregate().apply(perWindow), details);
    }

    /** One inference: the tensor in, the card's score out. */
    double run(float[] tensor) throws OrtException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("detector " + info.id() + " interrupted");
        }
        try (OrtSession.RunOptions options = new OrtSession.RunOptions();
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(tensor), inputShape)) {
            InterruptWatch.register(options);
            try (OrtSession.Result result = session.run(Map.of(card.input().name(), in), Set.of(card.output().name()), options)) {
                OnnxValue out = result.get(card.output().name()).orElseThrow(() ->
                        new IllegalStateException("model returned no output '" + card.output().name() + "'"));
                FloatBuffer fb = ((OnnxTensor) out).getFloatBuffer();
                float[] values = new float[fb.remaining()];
                fb.get(values);
                return scores.score(values);
            } catch (OrtException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("detector " + info.id() + " stopped: out of time");
                }
                throw e;
            } finally {
                InterruptWatch.unregister(options);
            }
        }
    }

    /** {@code k} indices spread evenly over {@code n} (all of them when k >= n). */
    static List<Integer> spread(int n, int k) {
        List<Integer> out = new ArrayList<>();
        if (k >= n) {
            for (int i = 0; i < n; i++) {
                out.add(i);
            }
            return out;
        }
        for (int j = 0; j < k; j++) {
            out.add((int) ((j + 0.5) * n / k));
        }
        return out;
    }

    private String kinds() {
        return String.join("/", info.kinds().stream().map(OnnxDetector::id).sorted().toList());
    }

    private static String id(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static double round(double d) {
        return Math.round(d * 1e6) / 1e6;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException ignored) {
            // Already failing to load; the first error is the one to report.
        }
    }

    @Override
    public void close() throws OrtException {
        open.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
            }
        } finally {
            open.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxDetector[" + info.id() + " " + card.model().getFileName() + "]";
    }
}
