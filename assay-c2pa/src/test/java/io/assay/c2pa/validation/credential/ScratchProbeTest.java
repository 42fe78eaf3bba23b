package io.assay.c2pa.validation.credential;

import io.assay.c2pa.C2paReader;
import io.assay.c2pa.manifest.Manifest;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

class ScratchProbeTest {
    @Test
    void probe() throws Exception {
        var assets = SharedCorpus.corpus("c2pa/assets");
        var trust = SharedCorpus.corpus("c2pa/trust");
        List<X509Certificate> allowed = TrustLists.readPem(trust.resolve("ITL-allowed.pem"));
        Set<String> fps = allowed.stream().map(Certificates::fingerprint).collect(Collectors.toSet());
        var json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(SharedCorpus.corpus("c2pa/expected/official.jsonl"))) {
            var e = json.readTree(line);
            if (e.has("error")) continue;
            String f = e.get("file").asString();
            try {
                Manifest m = C2paReader.read(MediaAsset.open(assets.resolve(f), AssetLimits.DEFAULT)).get().activeManifest();
                var chain = Certificates.parseAll(m.cose().chain()).get();
                boolean onList = fps.contains(Certificates.fingerprint(chain.getFirst()));
                if (onList) System.out.println("PROBE " + f + " v" + m.claim().version() + " leafNotAfter=" + chain.getFirst().getNotAfter() + " ref=" + e.get("success") + e.get("failure") + e.get("informational"));
            } catch (Exception ex) {
            }
        }
    }
}
