package io.assay.hash.webp;

import static io.assay.hash.webp.Vp8Dsp.BPS;

import java.util.Arrays;

/**
 * Decodes one VP8 key frame (the payload of a WebP {@code VP8 } chunk) to 4:2:0 YUV planes, following RFC 6386
 * with the same integer arithmetic, border conventions and loop-filter order as libwebp, so that the planes are
 * identical to libwebp's. Only what WebP uses is supported: a single key frame, no scaling (the scale bits are
 * ignored, as libwebp does), no dithering.
 *
 * <p>Hostile input: sizes and offsets are checked against the data before use, the frame is limited to
 * {@code maxPixels}, every partition that runs dry is an error, and the large planes are allocated only after
 * partition 0 (all macroblock modes) has been read without running dry, which bounds them by the data size.
 * Instances are single-use and not thread-safe; {@link #decode(byte[], int, int, long)} is the entry point.
 */
public final class Vp8Decoder {

    /** The largest width or height a VP8 frame header can express. */
    public static final int MAX_DIMENSION = 16383;

    private static final int Y_OFF = BPS + 8;
    private static final int U_OFF = Y_OFF + BPS * 16 + BPS;
    private static final int V_OFF = U_OFF + 16;
    private static final int YUV_SIZE = BPS * 17 + BPS * 9;

    /** Offsets of the 16 luma sub-blocks in the work buffer. */
    private static final int[] SCAN = new int[16];
    /** Coefficient index (0..16) to the offset of its band in a type's flat probability array. */
    private static final int[] BAND_OFF = new int[17];

    static {
        for (int n = 0; n < 16; n++) {
            SCAN[n] = (n & 3) * 4 + (n >> 2) * 4 * BPS;
        }
        for (int n = 0; n <= 16; n++) {
            BAND_OFF[n] = Vp8Tables.BANDS[n] * Vp8Tables.NUM_CTX * Vp8Tables.NUM_PROBAS;
        }
    }

    private final byte[] data;
    private int width;
    private int height;
    private int mbW;
    private int mbH;

    // segment header
    private boolean useSegment;
    private boolean updateMap;
    private boolean absoluteDelta = true;
    private final int[] segQuantizer = new int[4];
    private final int[] segFilterStrength = new int[4];
    private final int[] segmentProbas = {255, 255, 255};

    // filter header
    private boolean simpleFilter;
    private int filterLevel;
    private int sharpness;
    private boolean useLfDelta;
    private final int[] refLfDelta = new int[4];
    private final int[] modeLfDelta = new int[4];
    private int filterType; // 0 none, 1 simple, 2 complex

    private BoolDecoder br;
    private BoolDecoder[] parts;
    private int numPartsMinusOne;

    // dequantization per segment: y1 dc/ac, y2 dc/ac, uv dc/ac
    private final int[][] dq = new int[4][6];

    /** Token probabilities per block type, [band][ctx][node] flattened. */
    private final int[][] proba = new int[Vp8Tables.NUM_TYPES][Vp8Tables.NUM_BANDS * Vp8Tables.NUM_CTX
            * Vp8Tables.NUM_PROBAS];
    private boolean useSkipProba;
    private int skipProba;

    // per-macroblock modes for the whole frame (read from partition 0 before anything large is allocated)
    private byte[] mbSegment;
    private boolean[] mbSkip;
    private boolean[] mbIs4x4;
    private byte[] mbModes; // 16 per macroblock (the 16x16 mode in the first entry)
    private byte[] mbUvMode;

    // filter parameters per segment and per "is 4x4": limit, inner level, hev threshold
    private final int[][] fLimit = new int[4][2];
    private final int[][] fILevel = new int[4][2];
    private final int[][] fHevThresh = new int[4][2];

    // per-row filter info
    private int[] rowLimit;
    private int[] rowILevel;
    private int[] rowHev;
    private boolean[] rowInner;

    // non-zero contexts: above (per macroblock column) and left
    private int[] nzTop;
    private int[] nzDcTop;
    private int nzLeft;
    private int nzDcLeft;

    // unfiltered bottom samples of the previous macroblock row, for intra prediction
    private byte[] topY;
    private byte[] topU;
    private byte[] topV;

    private final byte[] yuv = new byte[YUV_SIZE];
    private final short[] coeffs = new short[384];
    private final short[] dcCoeffs = new short[16];
    private final int[] idctTmp = new int[16];
    private int nonZeroY;
    private int nonZeroUv;

    private byte[] planeY;
    private byte[] planeU;
    private byte[] planeV;
    private int yStride;
    private int uvStride;

    private Vp8Decoder(byte[] data) {
        this.data = data;
    }

    /** Width and height from a VP8 frame header, without decoding; checks the header's constraints. */
    public static int[] dimensions(byte[] data, int off, int len) throws WebpFormatException {
        checkBounds(data, off, len);
        if (len < 10) {
            throw new WebpFormatException("VP8: truncated frame header");
        }
        int bits = (data[off] & 0xFF) | (data[off + 1] & 0xFF) << 8 | (data[off + 2] & 0xFF) << 16;
        if ((bits & 1) != 0) {
            throw new WebpFormatException("VP8: not a key frame");
        }
        if (((bits >> 1) & 7) > 3) {
            throw new WebpFormatException("VP8: unknown profile " + ((bits >> 1) & 7));
        }
        if (((bits >> 4) & 1) == 0) {
            throw new WebpFormatException("VP8: frame not displayable");
        }
        if ((data[off + 3] & 0xFF) != 0x9d || (data[off + 4] & 0xFF) != 0x01 || (data[off + 5] & 0xFF) != 0x2a) {
            throw new WebpFormatException("VP8: bad start code");
        }
        int w = ((data[off + 7] & 0xFF) << 8 | (data[off + 6] & 0xFF)) & 0x3fff;
        int h = ((data[off + 9] & 0xFF) << 8 | (data[off + 8] & 0xFF)) & 0x3fff;
        if (w == 0 || h == 0) {
            throw new WebpFormatException("VP8: zero width or height");
        }
        return new int[] {w, h};
    }

    private static void checkBounds(byte[] data, int off, int len) {
        if (off < 0 || len < 0 || off > data.length - len) {
            throw new IndexOutOfBoundsException("offset " + off + ", length " + len + ", array " + data.length);
        }
    }

    /**
     * Decodes the VP8 frame in {@code data[off .. off+len)}.
     *
     * @param maxPixels refuse frames with more pixels than this (before allocating them)
     * @throws WebpFormatException if the data is damaged, truncated, not a key frame or over the limit
     */
    public static YuvFrame decode(byte[] data, int off, int len, long maxPixels) throws WebpFormatException {
        checkBounds(data, off, len);
        Vp8Decoder d = new Vp8Decoder(data);
        d.parseHeaders(off, len, maxPixels);
        d.parseAllModes();
        d.decodeFrame();
        return new YuvFrame(d.width, d.height, d.planeY, d.planeU, d.planeV, d.yStride, d.uvStride);
    }

    // ------------------------------------------------------------------ headers

    private void parseHeaders(int off, int len, long maxPixels) throws WebpFormatException {
        int[] wh = dimensions(data, off, len);
        width = wh[0];
        height = wh[1];
        if ((long) width * height > maxPixels) {
            throw new WebpFormatException("VP8: " + width + "x" + height + " is over the limit of " + maxPixels
                    + " pixels");
        }
        mbW = (width + 15) >> 4;
        mbH = (height + 15) >> 4;
        int bits = (data[off] & 0xFF) | (data[off + 1] & 0xFF) << 8 | (data[off + 2] & 0xFF) << 16;
        int partitionLength = bits >>> 5;
        int buf = off + 10;
        int bufSize = len - 10;
        if (partitionLength > bufSize) {
            throw new WebpFormatException("VP8: first partition (" + partitionLength + " bytes) runs past the data ("
                    + bufSize + " bytes)");
        }
        br = new BoolDecoder(data, buf, partitionLength);
        buf += partitionLength;
        bufSize -= partitionLength;

        br.getFlag(); // colour space: only one is defined
        br.getFlag(); // clamping type: decoders always clamp
        parseSegmentHeader();
        if (br.eof()) {
            throw new WebpFormatException("VP8: cannot parse segment header");
        }
        parseFilterHeader();
        if (br.eof()) {
            throw new WebpFormatException("VP8: cannot parse filter header");
        }
        parsePartitions(buf, bufSize);
        parseQuant();
        br.getFlag(); // refresh entropy probabilities: irrelevant for a single key frame
        parseProba();
    }

    private void parseSegmentHeader() {
        useSegment = br.getFlag();
        if (useSegment) {
            updateMap = br.getFlag();
            if (br.getFlag()) { // update segment feature data
                absoluteDelta = br.getFlag();
                for (int s = 0; s < 4; s++) {
                    segQuantizer[s] = br.getFlag() ? br.getSignedValue(7) : 0;
                }
                for (int s = 0; s < 4; s++) {
                    segFilterStrength[s] = br.getFlag() ? br.getSignedValue(6) : 0;
                }
            }
            if (updateMap) {
                for (int s = 0; s < 3; s++) {
                    segmentProbas[s] = br.getFlag() ? br.getValue(8) : 255;
                }
            }
        } else {
            updateMap = false;
        }
    }

    private void parseFilterHeader() {
        simpleFilter = br.getFlag();
        filterLevel = br.getValue(6);
        sharpness = br.getValue(3);
        useLfDelta = br.getFlag();
        if (useLfDelta && br.getFlag()) { // update the deltas
            for (int i = 0; i < 4; i++) {
                if (br.getFlag()) {
                    refLfDelta[i] = br.getSignedValue(6);
                }
            }
            for (int i = 0; i < 4; i++) {
                if (br.getFlag()) {
                    modeLfDelta[i] = br.getSignedValue(6);
                }
            }
        }
        filterType = filterLevel == 0 ? 0 : simpleFilter ? 1 : 2;
    }

    private void parsePartitions(int buf, int size) throws WebpFormatException {
        numPartsMinusOne = (1 << br.getValue(2)) - 1;
        int lastPart = numPartsMinusOne;
        if (size < 3 * lastPart) {
            throw new WebpFormatException("VP8: truncated partition size table");
        }
        int sz = buf;
        int partStart = buf + 3 * lastPart;
        int sizeLeft = size - 3 * lastPart;
        parts = new BoolDecoder[lastPart + 1];
        for (int p = 0; p < lastPart; p++) {
            int psize = (data[sz] & 0xFF) | (data[sz + 1] & 0xFF) << 8 | (data[sz + 2] & 0xFF) << 16;
            if (psize > sizeLeft) {
                psize = sizeLeft;
            }
            parts[p] = new BoolDecoder(data, partStart, psize);
            partStart += psize;
            sizeLeft -= psize;
            sz += 3;
        }
        parts[lastPart] = new BoolDecoder(data, partStart, sizeLeft);
        if (sizeLeft <= 0) {
            throw new WebpFormatException("VP8: the last token partition is empty (truncated data)");
        }
    }

    private static int clip(int v, int max) {
        return v < 0 ? 0 : v > max ? max : v;
    }

    private void parseQuant() {
        int baseQ0 = br.getValue(7);
        int dqy1Dc = br.getFlag() ? br.getSignedValue(4) : 0;
        int dqy2Dc = br.getFlag() ? br.getSignedValue(4) : 0;
        int dqy2Ac = br.getFlag() ? br.getSignedValue(4) : 0;
        int dquvDc = br.getFlag() ? br.getSignedValue(4) : 0;
        int dquvAc = br.getFlag() ? br.getSignedValue(4) : 0;
        for (int i = 0; i < 4; i++) {
            int q;
            if (useSegment) {
                q = segQuantizer[i];
                if (!absoluteDelta) {
                    q += baseQ0;
                }
            } else if (i > 0) {
                dq[i] = dq[0].clone();
                continue;
            } else {
                q = baseQ0;
            }
            int[] m = dq[i];
            m[0] = Vp8Tables.DC_TABLE[clip(q + dqy1Dc, 127)];
            m[1] = Vp8Tables.AC_TABLE[clip(q, 127)];
            m[2] = Vp8Tables.DC_TABLE[clip(q + dqy2Dc, 127)] * 2;
            // x * 155 / 100, exactly, for every step in the table
            m[3] = (Vp8Tables.AC_TABLE[clip(q + dqy2Ac, 127)] * 101581) >> 16;
            if (m[3] < 8) {
                m[3] = 8;
            }
            m[4] = Vp8Tables.DC_TABLE[clip(q + dquvDc, 117)];
            m[5] = Vp8Tables.AC_TABLE[clip(q + dquvAc, 127)];
        }
    }

    private void parseProba() {
        int per = Vp8Tables.NUM_BANDS * Vp8Tables.NUM_CTX * Vp8Tables.NUM_PROBAS;
        for (int t = 0; t < Vp8Tables.NUM_TYPES; t++) {
            for (int i = 0; i < per; i++) {
                int k = t * per + i;
                proba[t][i] = br.getBit(Vp8Tables.COEFFS_UPDATE_PROBA[k]) != 0 ? br.getValue(8)
                        : Vp8Tables.COEFFS_PROBA_0[k];
            }
        }
        useSkipProba = br.getFlag();
        if (useSkipProba) {
            skipProba = br.getValue(8);
        }
    }

    // ------------------------------------------------------------------ modes (partition 0)

    private void parseAllModes() throws WebpFormatException {
        int count = mbW * mbH;
        mbSegment = new byte[count];
        mbSkip = new boolean[count];
        mbIs4x4 = new boolean[count];
        mbModes = new byte[count * 16];
        mbUvMode = new byte[count];
        byte[] intraT = new byte[4 * mbW]; // B_DC_PRED
        byte[] intraL = new byte[4];
        for (int mby = 0, mb = 0; mby < mbH; mby++) {
            Arrays.fill(intraL, (byte) Vp8Dsp.B_DC_PRED);
            for (int mbx = 0; mbx < mbW; mbx++, mb++) {
                parseIntraMode(mb, mbx, intraT, intraL);
            }
            if (br.eof()) {
                throw new WebpFormatException("VP8: premature end of partition 0 at macroblock row " + mby);
            }
        }
    }

    private void parseIntraMode(int mb, int mbx, byte[] intraT, byte[] intraL) {
        if (updateMap) {
            mbSegment[mb] = (byte) (br.getBit(segmentProbas[0]) == 0 ? br.getBit(segmentProbas[1])
                    : br.getBit(segmentProbas[2]) + 2);
        }
        if (useSkipProba) {
            mbSkip[mb] = br.getBit(skipProba) != 0;
        }
        boolean is4x4 = br.getBit(145) == 0;
        mbIs4x4[mb] = is4x4;
        int top = 4 * mbx;
        if (!is4x4) {
            int ymode = br.getBit(156) != 0 ? (br.getBit(128) != 0 ? Vp8Dsp.TM_PRED : Vp8Dsp.H_PRED)
                    : (br.getBit(163) != 0 ? Vp8Dsp.V_PRED : Vp8Dsp.DC_PRED);
            mbModes[mb * 16] = (byte) ymode;
            Arrays.fill(intraT, top, top + 4, (byte) ymode);
            Arrays.fill(intraL, (byte) ymode);
        } else {
            int m = mb * 16;
            for (int y = 0; y < 4; y++) {
                int ymode = intraL[y];
                for (int x = 0; x < 4; x++) {
                    int probOff = (intraT[top + x] * 10 + ymode) * 9;
                    ymode = readBMode(probOff);
                    intraT[top + x] = (byte) ymode;
                }
                for (int x = 0; x < 4; x++) {
                    mbModes[m++] = intraT[top + x];
                }
                intraL[y] = (byte) ymode;
            }
        }
        mbUvMode[mb] = (byte) (br.getBit(142) == 0 ? Vp8Dsp.DC_PRED
                : br.getBit(114) == 0 ? Vp8Dsp.V_PRED
                : br.getBit(183) != 0 ? Vp8Dsp.TM_PRED : Vp8Dsp.H_PRED);
    }

    /** The 4x4 intra-mode tree (RFC 6386, 11.2), probabilities from the above and left contexts. */
    private int readBMode(int p) {
        int[] prob = Vp8Tables.BMODES_PROBA;
        if (br.getBit(prob[p]) == 0) {
            return Vp8Dsp.B_DC_PRED;
        }
        if (br.getBit(prob[p + 1]) == 0) {
            return Vp8Dsp.B_TM_PRED;
        }
        if (br.getBit(prob[p + 2]) == 0) {
            return Vp8Dsp.B_VE_PRED;
        }
        if (br.getBit(prob[p + 3]) == 0) {
            if (br.getBit(prob[p + 4]) == 0) {
                return Vp8Dsp.B_HE_PRED;
            }
            return br.getBit(prob[p + 5]) == 0 ? Vp8Dsp.B_RD_PRED : Vp8Dsp.B_VR_PRED;
        }
        if (br.getBit(prob[p + 6]) == 0) {
            return Vp8Dsp.B_LD_PRED;
        }
        if (br.getBit(prob[p + 7]) == 0) {
            return Vp8Dsp.B_VL_PRED;
        }
        return br.getBit(prob[p + 8]) == 0 ? Vp8Dsp.B_HD_PRED : Vp8Dsp.B_HU_PRED;
    }

    // ------------------------------------------------------------------ frame

    private void precomputeFilterStrengths() {
        if (filterType == 0) {
            return;
        }
        for (int s = 0; s < 4; s++) {
            int baseLevel;
            if (useSegment) {
                baseLevel = segFilterStrength[s];
                if (!absoluteDelta) {
                    baseLevel += filterLevel;
                }
            } else {
                baseLevel = filterLevel;
            }
            for (int i4x4 = 0; i4x4 <= 1; i4x4++) {
                int level = baseLevel;
                if (useLfDelta) {
                    level += refLfDelta[0];
                    if (i4x4 == 1) {
                        level += modeLfDelta[0];
                    }
                }
                level = level < 0 ? 0 : level > 63 ? 63 : level;
                if (level > 0) {
                    int ilevel = level;
                    if (sharpness > 0) {
                        ilevel >>= sharpness > 4 ? 2 : 1;
                        if (ilevel > 9 - sharpness) {
                            ilevel = 9 - sharpness;
                        }
                    }
                    if (ilevel < 1) {
                        ilevel = 1;
                    }
                    fILevel[s][i4x4] = ilevel;
                    fLimit[s][i4x4] = 2 * level + ilevel;
                    fHevThresh[s][i4x4] = level >= 40 ? 2 : level >= 15 ? 1 : 0;
                } else {
                    fLimit[s][i4x4] = 0;
                }
            }
        }
    }

    private void decodeFrame() throws WebpFormatException {
        precomputeFilterStrengths();
        yStride = mbW * 16;
        uvStride = mbW * 8;
        planeY = new byte[yStride * mbH * 16];
        planeU = new byte[uvStride * mbH * 8];
        planeV = new byte[uvStride * mbH * 8];
        topY = new byte[yStride];
        topU = new byte[uvStride];
        topV = new byte[uvStride];
        nzTop = new int[mbW];
        nzDcTop = new int[mbW];
        rowLimit = new int[mbW];
        rowILevel = new int[mbW];
        rowHev = new int[mbW];
        rowInner = new boolean[mbW];
        for (int mby = 0; mby < mbH; mby++) {
            BoolDecoder tokens = parts[mby & numPartsMinusOne];
            nzLeft = 0;
            nzDcLeft = 0;
            startRow(mby);
            for (int mbx = 0; mbx < mbW; mbx++) {
                int mb = mby * mbW + mbx;
                boolean skip = useSkipProba && mbSkip[mb];
                if (!skip) {
                    skip = parseResiduals(mb, mbx, tokens);
                } else {
                    nzTop[mbx] = 0;
                    nzLeft = 0;
                    if (!mbIs4x4[mb]) {
                        nzDcTop[mbx] = 0;
                        nzDcLeft = 0;
                    }
                    nonZeroY = 0;
                    nonZeroUv = 0;
                }
                if (filterType > 0) {
                    int s = mbSegment[mb];
                    int k = mbIs4x4[mb] ? 1 : 0;
                    rowLimit[mbx] = fLimit[s][k];
                    rowILevel[mbx] = fILevel[s][k];
                    rowHev[mbx] = fHevThresh[s][k];
                    rowInner[mbx] = mbIs4x4[mb] || !skip;
                }
                if (tokens.eof()) {
                    throw new WebpFormatException("VP8: premature end of token partition at macroblock (" + mbx
                            + ", " + mby + ")");
                }
                reconstruct(mb, mbx, mby);
            }
            if (filterType > 0) {
                filterRow(mby);
            }
        }
    }

    // ------------------------------------------------------------------ tokens

    /** Reads the coefficients of one macroblock; true when all of them are zero. */
    private boolean parseResiduals(int mb, int mbx, BoolDecoder tb) {
        short[] dst = coeffs;
        Arrays.fill(dst, (short) 0);
        int[] q = dq[mbSegment[mb]];
        int first;
        int[] acProba;
        if (!mbIs4x4[mb]) {
            short[] dc = dcCoeffs;
            Arrays.fill(dc, (short) 0);
            int ctx = nzDcTop[mbx] + nzDcLeft;
            int nz = getCoeffs(tb, proba[1], ctx, q[2], q[3], 0, dc, 0);
            int flag = nz > 0 ? 1 : 0;
            nzDcTop[mbx] = flag;
            nzDcLeft = flag;
            if (nz > 1) {
                Vp8Dsp.transformWht(dc, dst, 0, idctTmp);
            } else {
                short dc0 = (short) ((dc[0] + 3) >> 3);
                for (int i = 0; i < 256; i += 16) {
                    dst[i] = dc0;
                }
            }
            first = 1;
            acProba = proba[0];
        } else {
            first = 0;
            acProba = proba[3];
        }
        int tnz = nzTop[mbx] & 0x0f;
        int lnz = nzLeft & 0x0f;
        int nzY = 0;
        int off = 0;
        for (int y = 0; y < 4; y++) {
            int l = lnz & 1;
            int nzCoeffs = 0;
            for (int x = 0; x < 4; x++) {
                int ctx = l + (tnz & 1);
                int nz = getCoeffs(tb, acProba, ctx, q[0], q[1], first, dst, off);
                l = nz > first ? 1 : 0;
                tnz = (tnz >> 1) | (l << 7);
                nzCoeffs = nzCodeBits(nzCoeffs, nz, dst[off] != 0);
                off += 16;
            }
            tnz >>= 4;
            lnz = (lnz >> 1) | (l << 7);
            nzY = (nzY << 8) | nzCoeffs;
        }
        int outTnz = tnz;
        int outLnz = lnz >> 4;
        int nzUv = 0;
        for (int ch = 0; ch < 4; ch += 2) {
            int nzCoeffs = 0;
            tnz = (nzTop[mbx] >> (4 + ch)) & 0xFF;
            lnz = (nzLeft >> (4 + ch)) & 0xFF;
            for (int y = 0; y < 2; y++) {
                int l = lnz & 1;
                for (int x = 0; x < 2; x++) {
                    int ctx = l + (tnz & 1);
                    int nz = getCoeffs(tb, proba[2], ctx, q[4], q[5], 0, dst, off);
                    l = nz > 0 ? 1 : 0;
                    tnz = (tnz >> 1) | (l << 3);
                    nzCoeffs = nzCodeBits(nzCoeffs, nz, dst[off] != 0);
                    off += 16;
                }
                tnz >>= 2;
                lnz = (lnz >> 1) | (l << 5);
            }
            nzUv |= nzCoeffs << (4 * ch);
            outTnz |= (tnz << 4) << ch;
            outLnz |= (lnz & 0xf0) << ch;
        }
        nzTop[mbx] = outTnz & 0xFF;
        nzLeft = outLnz & 0xFF;
        nonZeroY = nzY;
        nonZeroUv = nzUv;
        return (nzY | nzUv) == 0;
    }

    private static int nzCodeBits(int nzCoeffs, int nz, boolean dcNz) {
        return (nzCoeffs << 2) | (nz > 3 ? 3 : nz > 1 ? 2 : dcNz ? 1 : 0);
    }

    /**
     * Reads the tokens of one 4x4 block from position {@code n}; dequantized coefficients go to
     * {@code out[off + zigzag]}. Returns one past the index of the last non-zero token (0 if none).
     */
    private static int getCoeffs(BoolDecoder br, int[] prob, int ctx, int dcQ, int acQ, int n, short[] out,
                                 int off) {
        int p = BAND_OFF[n] + ctx * Vp8Tables.NUM_PROBAS;
        for (; n < 16; n++) {
            if (br.getBit(prob[p]) == 0) {
                return n; // end of block
            }
            while (br.getBit(prob[p + 1]) == 0) { // a zero coefficient
                n++;
                if (n == 16) {
                    return 16;
                }
                p = BAND_OFF[n];
            }
            int next = BAND_OFF[n + 1];
            int v;
            if (br.getBit(prob[p + 2]) == 0) {
                v = 1;
                p = next + Vp8Tables.NUM_PROBAS;
            } else {
                v = largeValue(br, prob, p);
                p = next + 2 * Vp8Tables.NUM_PROBAS;
            }
            out[off + Vp8Tables.ZIGZAG[n]] = (short) (br.getSigned(v) * (n > 0 ? acQ : dcQ));
        }
        return 16;
    }

    private static int largeValue(BoolDecoder br, int[] prob, int p) {
        int v;
        if (br.getBit(prob[p + 3]) == 0) {
            if (br.getBit(prob[p + 4]) == 0) {
                v = 2;
            } else {
                v = 3 + br.getBit(prob[p + 5]);
            }
        } else if (br.getBit(prob[p + 6]) == 0) {
            if (br.getBit(prob[p + 7]) == 0) {
                v = 5 + br.getBit(159);
            } else {
                v = 7 + 2 * br.getBit(165);
                v += br.getBit(145);
            }
        } else {
            int bit1 = br.getBit(prob[p + 8]);
            int bit0 = br.getBit(prob[p + 9 + bit1]);
            int cat = 2 * bit1 + bit0;
            v = 0;
            for (int cp : Vp8Tables.CAT_PROBAS[cat]) {
                v += v + br.getBit(cp);
            }
            v += 3 + (8 << cat);
        }
        return v;
    }

    // ------------------------------------------------------------------ reconstruction

    private void startRow(int mby) {
        byte[] b = yuv;
        for (int j = 0; j < 16; j++) {
            b[Y_OFF + j * BPS - 1] = (byte) 129;
        }
        for (int j = 0; j < 8; j++) {
            b[U_OFF + j * BPS - 1] = (byte) 129;
            b[V_OFF + j * BPS - 1] = (byte) 129;
        }
        if (mby > 0) {
            b[Y_OFF - 1 - BPS] = (byte) 129;
            b[U_OFF - 1 - BPS] = (byte) 129;
            b[V_OFF - 1 - BPS] = (byte) 129;
        } else {
            Arrays.fill(b, Y_OFF - BPS - 1, Y_OFF - BPS - 1 + 16 + 4 + 1, (byte) 127);
            Arrays.fill(b, U_OFF - BPS - 1, U_OFF - BPS - 1 + 8 + 1, (byte) 127);
            Arrays.fill(b, V_OFF - BPS - 1, V_OFF - BPS - 1 + 8 + 1, (byte) 127);
        }
    }

    private static int checkMode(int mbx, int mby, int mode) {
        if (mode == Vp8Dsp.B_DC_PRED) {
            if (mbx == 0) {
                return mby == 0 ? Vp8Dsp.DC_PRED_NOTOPLEFT : Vp8Dsp.DC_PRED_NOLEFT;
            }
            return mby == 0 ? Vp8Dsp.DC_PRED_NOTOP : Vp8Dsp.DC_PRED;
        }
        return mode;
    }

    private void doTransform(int bits, int coeffOff, int dst) {
        switch (bits >>> 30) {
            case 3 -> Vp8Dsp.transform(coeffs, coeffOff, yuv, dst, idctTmp);
            case 2 -> Vp8Dsp.transformAc3(coeffs, coeffOff, yuv, dst);
            case 1 -> Vp8Dsp.transformDc(coeffs, coeffOff, yuv, dst);
            default -> {
            }
        }
    }

    private void doUvTransform(int bits, int coeffOff, int dst) {
        if ((bits & 0xff) != 0) {
            if ((bits & 0xaa) != 0) {
                Vp8Dsp.transform(coeffs, coeffOff, yuv, dst, idctTmp);
                Vp8Dsp.transform(coeffs, coeffOff + 16, yuv, dst + 4, idctTmp);
                Vp8Dsp.transform(coeffs, coeffOff + 32, yuv, dst + 4 * BPS, idctTmp);
                Vp8Dsp.transform(coeffs, coeffOff + 48, yuv, dst + 4 * BPS + 4, idctTmp);
            } else {
                if (coeffs[coeffOff] != 0) {
                    Vp8Dsp.transformDc(coeffs, coeffOff, yuv, dst);
                }
                if (coeffs[coeffOff + 16] != 0) {
                    Vp8Dsp.transformDc(coeffs, coeffOff + 16, yuv, dst + 4);
                }
                if (coeffs[coeffOff + 32] != 0) {
                    Vp8Dsp.transformDc(coeffs, coeffOff + 32, yuv, dst + 4 * BPS);
                }
                if (coeffs[coeffOff + 48] != 0) {
                    Vp8Dsp.transformDc(coeffs, coeffOff + 48, yuv, dst + 4 * BPS + 4);
                }
            }
        }
    }

    private void reconstruct(int mb, int mbx, int mby) {
        byte[] b = yuv;
        if (mbx > 0) { // the previous macroblock's right columns become the left ones
            for (int j = -1; j < 16; j++) {
                System.arraycopy(b, Y_OFF + j * BPS + 12, b, Y_OFF + j * BPS - 4, 4);
            }
            for (int j = -1; j < 8; j++) {
                System.arraycopy(b, U_OFF + j * BPS + 4, b, U_OFF + j * BPS - 4, 4);
                System.arraycopy(b, V_OFF + j * BPS + 4, b, V_OFF + j * BPS - 4, 4);
            }
        }
        if (mby > 0) {
            System.arraycopy(topY, mbx * 16, b, Y_OFF - BPS, 16);
            System.arraycopy(topU, mbx * 8, b, U_OFF - BPS, 8);
            System.arraycopy(topV, mbx * 8, b, V_OFF - BPS, 8);
        }
        int bits = nonZeroY;
        if (mbIs4x4[mb]) {
            int topRight = Y_OFF - BPS + 16;
            if (mby > 0) {
                if (mbx >= mbW - 1) {
                    Arrays.fill(b, topRight, topRight + 4, topY[mbx * 16 + 15]);
                } else {
                    System.arraycopy(topY, mbx * 16 + 16, b, topRight, 4);
                }
            }
            // sub-blocks of the right column below the first row see the macroblock's top-right samples
            for (int r = 1; r <= 3; r++) {
                System.arraycopy(b, topRight, b, topRight + r * 4 * BPS, 4);
            }
            int modes = mb * 16;
            for (int n = 0; n < 16; n++, bits <<= 2) {
                int dst = Y_OFF + SCAN[n];
                Vp8Dsp.predLuma4(mbModes[modes + n], b, dst);
                doTransform(bits, n * 16, dst);
            }
        } else {
            Vp8Dsp.predLuma16(checkMode(mbx, mby, mbModes[mb * 16]), b, Y_OFF);
            if (bits != 0) {
                for (int n = 0; n < 16; n++, bits <<= 2) {
                    doTransform(bits, n * 16, Y_OFF + SCAN[n]);
                }
            }
        }
        int uvMode = checkMode(mbx, mby, mbUvMode[mb]);
        Vp8Dsp.predChroma8(uvMode, b, U_OFF);
        Vp8Dsp.predChroma8(uvMode, b, V_OFF);
        doUvTransform(nonZeroUv, 16 * 16, U_OFF);
        doUvTransform(nonZeroUv >>> 8, 20 * 16, V_OFF);
        if (mby < mbH - 1) {
            System.arraycopy(b, Y_OFF + 15 * BPS, topY, mbx * 16, 16);
            System.arraycopy(b, U_OFF + 7 * BPS, topU, mbx * 8, 8);
            System.arraycopy(b, V_OFF + 7 * BPS, topV, mbx * 8, 8);
        }
        int yOut = mby * 16 * yStride + mbx * 16;
        for (int j = 0; j < 16; j++) {
            System.arraycopy(b, Y_OFF + j * BPS, planeY, yOut + j * yStride, 16);
        }
        int uvOut = mby * 8 * uvStride + mbx * 8;
        for (int j = 0; j < 8; j++) {
            System.arraycopy(b, U_OFF + j * BPS, planeU, uvOut + j * uvStride, 8);
            System.arraycopy(b, V_OFF + j * BPS, planeV, uvOut + j * uvStride, 8);
        }
    }

    // ------------------------------------------------------------------ loop filter

    private void filterRow(int mby) {
        for (int mbx = 0; mbx < mbW; mbx++) {
            int limit = rowLimit[mbx];
            if (limit == 0) {
                continue;
            }
            int ilevel = rowILevel[mbx];
            boolean inner = rowInner[mbx];
            int yDst = mby * 16 * yStride + mbx * 16;
            if (filterType == 1) {
                if (mbx > 0) {
                    Vp8Dsp.simpleHFilter16(planeY, yDst, yStride, limit + 4);
                }
                if (inner) {
                    Vp8Dsp.simpleHFilter16i(planeY, yDst, yStride, limit);
                }
                if (mby > 0) {
                    Vp8Dsp.simpleVFilter16(planeY, yDst, yStride, limit + 4);
                }
                if (inner) {
                    Vp8Dsp.simpleVFilter16i(planeY, yDst, yStride, limit);
                }
            } else {
                int uvDst = mby * 8 * uvStride + mbx * 8;
                int hev = rowHev[mbx];
                if (mbx > 0) {
                    Vp8Dsp.hFilter16(planeY, yDst, yStride, limit + 4, ilevel, hev);
                    Vp8Dsp.hFilter8(planeU, uvDst, uvStride, limit + 4, ilevel, hev);
                    Vp8Dsp.hFilter8(planeV, uvDst, uvStride, limit + 4, ilevel, hev);
                }
                if (inner) {
                    Vp8Dsp.hFilter16i(planeY, yDst, yStride, limit, ilevel, hev);
                    Vp8Dsp.hFilter8i(planeU, uvDst, uvStride, limit, ilevel, hev);
                    Vp8Dsp.hFilter8i(planeV, uvDst, uvStride, limit, ilevel, hev);
                }
                if (mby > 0) {
                    Vp8Dsp.vFilter16(planeY, yDst, yStride, limit + 4, ilevel, hev);
                    Vp8Dsp.vFilter8(planeU, uvDst, uvStride, limit + 4, ilevel, hev);
                    Vp8Dsp.vFilter8(planeV, uvDst, uvStride, limit + 4, ilevel, hev);
                }
                if (inner) {
                    Vp8Dsp.vFilter16i(planeY, yDst, yStride, limit, ilevel, hev);
                    Vp8Dsp.vFilter8i(planeU, uvDst, uvStride, limit, ilevel, hev);
                    Vp8Dsp.vFilter8i(planeV, uvDst, uvStride, limit, ilevel, hev);
                }
            }
        }
    }
}
