package io.assay.detect.builtin.presence;

/** Loads the OpenCV native library bundled in the openpnp jar, once per JVM. */
final class OpenCvNatives {

    private static volatile boolean loaded;

    private OpenCvNatives() {
    }

    static void load() {
        if (!loaded) {
            synchronized (OpenCvNatives.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
