package io.assay.watermark;

/** The watermark schemes this module reads. */
public enum WatermarkScheme {
    /** Assay's own keyed, robust mark ({@link io.assay.watermark.assay.AssayWatermark}). */
    ASSAY("assay"),
    /** invisible-watermark's dwtDct, as Stable Diffusion applies it ({@link io.assay.watermark.dwtdct.DwtDctWatermark}). */
    DWT_DCT("dwtDct");

    private final String id;

    WatermarkScheme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
