package io.assay.server.sync;

import io.assay.core.testing.SharedCorpus;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the exchange's propagation on this machine: two servers on loopback as in {@link ExchangeTwoServersTest}
 * (push: B follows A's event stream, poll interval 30 s; or poll: interval 200 ms, no stream), each round a fact-checker banks a different image on A; measured from the POST on A
 * to (1) B having the signal banked (its timeline lists the entry; polled every 10 ms) and (2) a scan of a re-encoded
 * copy on B answering {@code known-deepfake}. Not a test: run with {@code scripts/bench-exchange.sh [ROUNDS]}
 * (arguments: rounds, then {@code push} or {@code poll}).
 */
public final class ExchangePropagationBenchmark {

    private ExchangePropagationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String mode = args.length > 1 ? args[1] : "push";
        ExchangeTwoServersTest.pollOnly = mode.equals("poll");
        ExchangeTwoServersTest.dir = Files.createTempDirectory("assay-bench-exchange");
        ExchangeTwoServersTest.startBoth();
        try {
            List<Path> images = new ArrayList<>();
            // natural photos (flat test images have PDQ quality under 50 and are never matched by design)
            for (String folder : List.of("pdq/reg-test-input", "pdq/bridge-mods", "metadata")) {
                try (var s = Files.walk(SharedCorpus.corpus(folder))) {
                    s.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(images::add);
                }
            }
            List<Double> banked = new ArrayList<>();
            List<Double> labelled = new ArrayList<>();
            String a = ExchangeTwoServersTest.urlA;
            for (int i = 0; i < rounds && i < images.size(); i++) {
                Path image = images.get(i);
                BufferedImage img = ImageIO.read(image.toFile());
                byte[] copy = ExchangeTwoServersTest.jpeg(img, 0.7f);
                long t0 = System.nanoTime();
                JsonNode added = ExchangeTwoServersTest.JSON.readTree(ExchangeTwoServersTest.multipart(a,
                        ExchangeTwoServersTest.KEY_A, "/v1/banks/debunked/entries", Files.readAllBytes(image),
                        "{\"label\":\"round " + i + "\"}").body());
                String signal = added.get("entries").get(0).get("signalId").asString();
                boolean arrived = false;
                while (!arrived && System.nanoTime() - t0 < 20_000_000_000L) {
                    HttpResponse<String> r = ExchangeTwoServersTest.get(ExchangeTwoServersTest.urlB,
                            ExchangeTwoServersTest.KEY_B, "/v1/signals/" + signal + "/timeline");
                    arrived = r.statusCode() == 200;
                    if (!arrived) {
                        Thread.sleep(10);
                    }
                }
                if (!arrived) {
                    System.out.println("round " + i + " (" + image.getFileName() + "): not banked on B in 20 s");
                    continue;
                }
                banked.add((System.nanoTime() - t0) / 1e9);
                boolean matched = false;
                while (!matched && System.nanoTime() - t0 < 20_000_000_000L) {
                    matched = ExchangeTwoServersTest.JSON.readTree(ExchangeTwoServersTest.scan(
                            ExchangeTwoServersTest.urlB, ExchangeTwoServersTest.KEY_B, "copy.jpg", copy).body())
                            .get("label").asString().equals("known-deepfake");
                }
                if (matched) {
                    labelled.add((System.nanoTime() - t0) / 1e9);
                } else {
                    System.out.println("round " + i + " (" + image.getFileName() + "): copy not matched (PDQ quality)");
                }
            }
            System.out.printf("rounds: %d (%s)%n", banked.size(), ExchangeTwoServersTest.pollOnly
                    ? "poll only, interval 200 ms" : "push: event stream, poll interval 30 s");
            System.out.printf("post on A -> banked on B:          %s%n", summary(banked));
            System.out.printf("post on A -> copy known-deepfake on B: %s%n", summary(labelled));
        } finally {
            ExchangeTwoServersTest.stop();
        }
        System.exit(0);
    }

    static String summary(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("n %d, median %.2f s, p90 %.2f s, max %.2f s, min %.2f s", s.length, s[s.length / 2],
                s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.9) - 1)], s[s.length - 1], s[0]);
    }
}
