package io.assay.bench;

import io.assay.c2pa.validation.C2paValidator;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.Validators;
import io.assay.c2pa.validation.credential.TrustLists;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * C2PA validation throughput on the shared corpus: one operation validates every asset of the corpus that carries
 * an embedded manifest store (read, credentials, bindings, ingredients), one after the other, on one thread, in the
 * c2pa-rs test-PKI trust mode. scripts/bench-c2pa.sh runs it; the module README reports it beside the reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class C2paValidationBenchmark {

    /** The shared corpus's C2PA folder (../shared/corpus/c2pa from the repository root). */
    @Param("../shared/corpus/c2pa")
    public String corpus;

    private C2paValidator validator;
    private final List<MediaAsset> assets = new ArrayList<>();

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path root = Path.of(corpus);
        Path trust = root.resolve("trust");
        TrustSettings settings = TrustLists.of(trust.resolve("test_cert_root_bundle.pem"),
                trust.resolve("test_allowed_list.pem"), trust.resolve("test_store.cfg"), null);
        validator = Validators.standard(settings);
        try (Stream<Path> files = Files.list(root.resolve("assets"))) {
            for (Path f : files.sorted().toList()) {
                try {
                    MediaAsset asset = MediaAsset.open(f, AssetLimits.DEFAULT);
                    if (validator.validate(asset).isPresent()) {
                        assets.add(asset);
                    }
                } catch (AssetRejectedException | io.assay.c2pa.C2paException e) {
                    // not a validatable asset: outside this benchmark
                }
            }
        }
        System.out.println("# assets with a manifest store: " + assets.size());
    }

    @Benchmark
    public void validateCorpus(Blackhole bh) throws Exception {
        for (MediaAsset asset : assets) {
            bh.consume(validator.validate(asset));
        }
    }
}
