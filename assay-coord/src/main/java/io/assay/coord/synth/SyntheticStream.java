package io.assay.coord.synth;

import io.assay.coord.share.Share;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated share stream with its ground truth.
 *
 * @param shares             the shares, in time order; pushed media appear as variant objects ({@code m17#v2})
 * @param mediaHashes        variant object -> its 256-bit perceptual hash (64 hex digits); variants of one medium are
 *                           a few bits apart, different media far apart
 * @param mediaOfVariant     variant object -> the medium it is a re-encode of (what a perfect clusterer would yield)
 * @param coordinated        the accounts in coordinated cells (the truth)
 * @param cells              the cells, each a set of accounts
 */
public record SyntheticStream(List<Share> shares, Map<String, String> mediaHashes, Map<String, String> mediaOfVariant,
                              Set<String> coordinated, List<Set<String>> cells) {
}
