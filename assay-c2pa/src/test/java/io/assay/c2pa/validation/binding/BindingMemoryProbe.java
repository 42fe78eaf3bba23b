package io.assay.c2pa.validation.binding;

import io.assay.c2pa.C2paContents;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.validation.ValidationLog;
import io.assay.c2pa.validation.ValidationStatus;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;

import java.nio.file.Path;

/** Run in a child JVM by {@link LargeAssetMemoryTest}: reads and binding-checks one file, prints the status codes. */
public final class BindingMemoryProbe {

    private BindingMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        MediaAsset asset = MediaAsset.open(Path.of(args[0]), AssetLimits.DEFAULT);
        C2paContents contents = C2paReader.inspect(asset);
        ValidationLog log = new ValidationLog();
        new HardBindingCheck().check(contents, contents.store().orElseThrow().activeManifest(), asset, log);
        for (ValidationStatus s : log.statuses()) {
            System.out.println("STATUS " + s.code() + " " + s.explanation());
        }
        System.out.println("HEAP max " + Runtime.getRuntime().maxMemory() + " used "
                + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
    }
}
