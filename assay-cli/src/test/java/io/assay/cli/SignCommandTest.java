package io.assay.cli;

import io.assay.c2pa.validation.ValidationState;
import io.assay.c2pa.validation.Validators;
import io.assay.c2pa.validation.credential.TrustLists;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.assay.cli.ScanCommandTest.JSON;
import static io.assay.cli.ScanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code assay sign} in process: the output validates as Trusted under the test roots and scans as ai-generated. */
class SignCommandTest {

    static final Path SIGNING = SharedCorpus.corpus("c2pa/trust/signing");
    static final Path TRUST = SharedCorpus.corpus("c2pa/trust");

    @TempDir
    Path dir;

    @Test
    void signsAndTheScanLabelsItAiGenerated() throws Exception {
        Path out = dir.resolve("signed.png");
        ScanCommandTest.Run r = run("sign", "--source-type", "trainedAlgorithmicMedia", "--generator", "ExampleModel/1.2",
                "--cert", SIGNING.resolve("ps384_chain.pem").toString(), "--key", SIGNING.resolve("ps384_key.pem").toString(),
                "--alg", "ps384", SharedCorpus.corpus("metadata/coffee-composite.png").toString(), out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("signed", "urn:c2pa:", "ps384", "trainedAlgorithmicMedia");

        var validator = Validators.standard(TrustLists.custom(List.of(TRUST.resolve("test_cert_root_bundle.pem")),
                List.of(), TRUST.resolve("test_store.cfg"), List.of()));
        var report = validator.validate(MediaAsset.open(out, AssetLimits.DEFAULT)).orElseThrow();
        assertThat(report.state()).isEqualTo(ValidationState.Trusted);

        ScanCommandTest.Run scan = run("scan", "--json", out.toString());
        JsonNode verdict = JSON.readTree(scan.out().lines().findFirst().orElseThrow());
        assertThat(verdict.get("label").asString()).isEqualTo("ai-generated");
    }

    @Test
    void badArgumentsGetAClearMessageAndNoOutputFile() throws Exception {
        Path out = dir.resolve("never.jpg");
        String in = SharedCorpus.corpus("metadata/coffee-plain.jpg").toString();
        String cert = SIGNING.resolve("es256_chain.pem").toString();
        String key = SIGNING.resolve("es256_key.pem").toString();

        ScanCommandTest.Run badType = run("sign", "--source-type", "madeUp", "--generator", "M/1", "--cert", cert,
                "--key", key, in, out.toString());
        assertThat(badType.exit()).isEqualTo(2);
        assertThat(badType.err()).contains("unknown digital source type 'madeUp'");

        ScanCommandTest.Run wrongAlg = run("sign", "--generator", "M/1", "--cert", cert, "--key", key, "--alg", "ps256",
                in, out.toString());
        assertThat(wrongAlg.exit()).isEqualTo(2);
        assertThat(wrongAlg.err()).startsWith("assay sign: ").doesNotContain("Exception");

        ScanCommandTest.Run noKey = run("sign", "--generator", "M/1", in, out.toString());
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("--cert and --key");

        ScanCommandTest.Run pdf = run("sign", "--generator", "M/1", "--cert", cert, "--key", key,
                SharedCorpus.corpus("c2pa/assets/gen-ai-es256.pdf").toString(), out.toString());
        assertThat(pdf.exit()).isEqualTo(2);
        assertThat(pdf.err()).contains("not supported");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("no temporary file left behind").isEmpty();
        }
    }
}
