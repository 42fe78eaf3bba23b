package io.assay.detect.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A logistic regression over standardised features, as the built-in detectors store it: the feature names (so a
 * model and the code that computes its features cannot silently drift apart), the training set's mean and scale
 * of each feature, the weights and the bias, and what the trainer measured on held-out data.
 *
 * @param id       the detector the model belongs to
 * @param features feature names, in order
 * @param mean     training mean per feature
 * @param scale    training standard deviation per feature (never 0)
 * @param weights  one weight per standardised feature
 * @param bias     the intercept
 * @param training how it was trained and what it measured (strings and numbers), for the documentation and the card
 */
public record LogisticModel(String id, List<String> features, double[] mean, double[] scale, double[] weights,
                            double bias, Map<String, Object> training) {

    public LogisticModel {
        features = List.copyOf(features);
        int d = features.size();
        if (mean.length != d || scale.length != d || weights.length != d) {
            throw new IllegalArgumentException("model " + id + ": " + d + " features but " + mean.length + " means, "
                    + scale.length + " scales, " + weights.length + " weights");
        }
        for (int i = 0; i < d; i++) {
            if (!(scale[i] > 0) || !Double.isFinite(mean[i]) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("model " + id + ": feature " + features.get(i) + " has a bad mean, scale or weight");
            }
        }
        training = training == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(training));
    }

    /** The probability, 0..1, that the example is synthetic. */
    public double score(double[] x) {
        return sigmoid(logit(x));
    }

    public double logit(double[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("model " + id + " takes " + weights.length + " features, got " + x.length);
        }
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return z;
    }

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
    }

    /** A stored measurement to three decimals, for a card's text ("?" when the model does not record it). */
    public static String figure(Object value) {
        return value instanceof Number n ? String.format(java.util.Locale.ROOT, "%.3f", n.doubleValue()) : "?";
    }

    /** Fails when the computing code's feature names differ from the stored ones. */
    public LogisticModel requireFeatures(List<String> names) {
        if (!features.equals(names)) {
            throw new IllegalStateException("model " + id + " was trained on features " + features + " but the code computes " + names);
        }
        return this;
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("features", features);
        m.put("mean", mean);
        m.put("scale", scale);
        m.put("weights", weights);
        m.put("bias", bias);
        m.put("training", training);
        return Json.write(m);
    }

    @SuppressWarnings("unchecked")
    public static LogisticModel fromJson(String json) {
        Map<String, Object> m = (Map<String, Object>) Json.parse(json);
        return new LogisticModel((String) m.get("id"), ((List<Object>) m.get("features")).stream().map(String::valueOf).toList(),
                numbers(m.get("mean")), numbers(m.get("scale")), numbers(m.get("weights")), ((Number) m.get("bias")).doubleValue(),
                (Map<String, Object>) m.get("training"));
    }

    /** A model stored as a class-path resource next to {@code owner}. */
    public static LogisticModel resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing model resource " + name + " next to " + owner.getName());
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read model resource " + name + ": " + e.getMessage(), e);
        }
    }

    private static double[] numbers(Object list) {
        List<?> l = (List<?>) list;
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Number) l.get(i)).doubleValue();
        }
        return a;
    }
}
