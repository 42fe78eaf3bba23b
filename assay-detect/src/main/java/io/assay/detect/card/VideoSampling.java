package io.assay.detect.card;

/** For an image model scoring video: how many of the decoded frames it scores (spread evenly), and how they combine. */
public record VideoSampling(int frames, Aggregation aggregate) {
}
