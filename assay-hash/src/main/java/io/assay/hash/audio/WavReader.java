package io.assay.hash.audio;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streaming RIFF/WAVE reader for uncompressed audio: integer PCM of 8, 16, 24 or 32 bits, IEEE float of 32 or 64
 * bits, plain or WAVE_FORMAT_EXTENSIBLE, any channel count up to {@link #MAX_CHANNELS}. Every size in the header
 * is checked before anything is allocated, so a hostile header cannot make it allocate more than the limit.
 *
 * <p>Channels stay interleaved (the hasher resamples each before mixing, as fpcalc's swresample does). Samples
 * wider than 16 bits are rounded to 16 bits; fpcalc would keep them in float until after resampling, so such
 * files can differ from fpcalc by a least significant bit here and there.
 */
final class WavReader {

    static final int MAX_CHANNELS = 64;
    static final int MAX_SAMPLE_RATE = 768_000;
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** A chunk other than fmt/data bigger than this is not plausible in a WAV file we accept. */
    private static final long MAX_SKIPPED_CHUNK = 64L << 20;

    private WavReader() {
    }

    /** True when the bytes start like a RIFF/WAVE file. */
    static boolean looksLikeWav(byte[] head) {
        return head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'A' && head[10] == 'V' && head[11] == 'E';
    }

    static PcmAudio read(InputStream in, double maxSeconds, boolean truncate) throws IOException {
        byte[] h = new byte[12];
        if (readFully(in, h, 0, 12) < 12 || !looksLikeWav(h)) {
            throw new AudioDecodeException("not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int channels = 0;
        int sampleRate = 0;
        int blockAlign = 0;
        int bits = 0;
        byte[] ch = new byte[8];
        while (true) {
            int got = readFully(in, ch, 0, 8);
            if (got < 8) {
                throw new AudioDecodeException(format < 0 ? "truncated WAV: no fmt chunk" : "truncated WAV: no data chunk");
            }
            String id = new String(ch, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long size = le32(ch, 4) & 0xFFFFFFFFL;
            if (id.equals("fmt ")) {
                if (size < 16 || size > 1024) {
                    throw new AudioDecodeException("malformed WAV: fmt chunk of " + size + " bytes");
                }
                byte[] f = new byte[(int) size];
                if (readFully(in, f, 0, f.length) < f.length) {
                    throw new AudioDecodeException("truncated WAV: fmt chunk cut short");
                }
                skipPad(in, size);
                format = le16(f, 0);
                channels = le16(f, 2);
                sampleRate = le32(f, 4);
                blockAlign = le16(f, 12);
                bits = le16(f, 14);
                if (format == FORMAT_EXTENSIBLE) {
                    if (size < 40) {
                        throw new AudioDecodeException("malformed WAV: WAVE_FORMAT_EXTENSIBLE fmt chunk of " + size + " bytes");
                    }
                    format = le16(f, 24); // the sub-format GUID starts with the plain format tag
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw new AudioDecodeException("malformed WAV: data chunk before fmt chunk");
                }
                Layout layout = layout(format, channels, sampleRate, blockAlign, bits);
                return readData(in, size, layout, maxSeconds, truncate);
            } else {
                if (size > MAX_SKIPPED_CHUNK) {
                    throw new AudioDecodeException("malformed WAV: '" + printable(id) + "' chunk claims " + size + " bytes");
                }
                skipFully(in, size + (size & 1));
            }
        }
    }

    private record Layout(boolean isFloat, int channels, int sampleRate, int bytesPerSample, int blockAlign) {
    }

    private static Layout layout(int format, int channels, int sampleRate, int blockAlign, int bits) throws AudioDecodeException {
        if (format != FORMAT_PCM && format != FORMAT_FLOAT) {
            throw new AudioDecodeException("unsupported WAV encoding (format tag 0x" + Integer.toHexString(format)
                    + "); only PCM and IEEE float are read directly");
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new AudioDecodeException("malformed WAV: " + channels + " channels (1.." + MAX_CHANNELS + " accepted)");
        }
        if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
            throw new AudioDecodeException("malformed WAV: sample rate " + Integer.toUnsignedString(sampleRate)
                    + " Hz (1.." + MAX_SAMPLE_RATE + " accepted)");
        }
        boolean ok = format == FORMAT_PCM ? bits == 8 || bits == 16 || bits == 24 || bits == 32 : bits == 32 || bits == 64;
        if (!ok) {
            throw new AudioDecodeException("unsupported WAV sample size: " + bits + " bits " + (format == FORMAT_PCM ? "PCM" : "float"));
        }
        int bytes = bits / 8;
        if (blockAlign != channels * bytes) {
            throw new AudioDecodeException("malformed WAV: block align " + blockAlign + " for " + channels + " x " + bits + " bits");
        }
        return new Layout(format == FORMAT_FLOAT, channels, sampleRate, bytes, blockAlign);
    }

    private static PcmAudio readData(InputStream in, long size, Layout l, double maxSeconds, boolean truncate) throws IOException {
        // 0xFFFFFFFF marks a WAV written while streaming: the data runs to the end of the file.
        boolean open = size == 0xFFFFFFFFL;
        if (size == 0) {
            throw new AudioDecodeException("WAV data chunk is empty (no audio samples)");
        }
        long maxFrames = maxSeconds > 0 ? (long) Math.floor(maxSeconds * l.sampleRate()) : Long.MAX_VALUE;
        maxFrames = Math.min(maxFrames, (Integer.MAX_VALUE - 8L) / l.channels()); // one Java array holds them all
        long declaredFrames = open ? Long.MAX_VALUE : size / l.blockAlign();
        if (!open && declaredFrames == 0) {
            throw new AudioDecodeException("WAV data chunk holds less than one sample frame (" + size + " bytes)");
        }
        if (declaredFrames > maxFrames && !open && !truncate) {
            throw new AudioDecodeException(String.format(java.util.Locale.ROOT,
                    "WAV audio is %.1f s long, over the limit of %.1f s", declaredFrames / (double) l.sampleRate(), maxSeconds));
        }
        long frames = Math.min(declaredFrames, maxFrames);
        // Grown as data arrives, so a header claiming a huge size costs nothing until the bytes are really there.
        short[] out = new short[(int) (Math.min(frames, 1 << 18) * l.channels())];
        byte[] buf = new byte[l.blockAlign() * Math.max(1, 65536 / l.blockAlign())];
        long done = 0;
        while (done < frames) {
            int want = (int) Math.min(buf.length / l.blockAlign(), frames - done) * l.blockAlign();
            int got = readFully(in, buf, 0, want);
            int whole = got / l.blockAlign();
            if ((done + whole) * l.channels() > out.length) {
                long grown = Math.min(frames, Math.max(out.length / l.channels() * 2L, done + whole));
                out = java.util.Arrays.copyOf(out, (int) (grown * l.channels()));
            }
            convert(buf, whole, l, out, (int) done * l.channels());
            done += whole;
            if (got < want) {
                if (open) {
                    break;
                }
                throw new AudioDecodeException("truncated WAV: data chunk declares " + size + " bytes but the file ends after "
                        + (done * l.blockAlign() + got % l.blockAlign()) + " bytes of it");
            }
        }
        if (open && done >= maxFrames && !truncate && in.read() >= 0) {
            throw new AudioDecodeException(String.format(java.util.Locale.ROOT,
                    "WAV audio is longer than the limit of %.1f s", maxSeconds));
        }
        if (done == 0) {
            throw new AudioDecodeException("WAV data chunk is empty (no audio samples)");
        }
        int total = (int) done * l.channels();
        return new PcmAudio(total == out.length ? out : java.util.Arrays.copyOf(out, total), l.channels(), l.sampleRate());
    }

    private static void convert(byte[] b, int frames, Layout l, short[] out, int at) {
        int n = frames * l.channels();
        int bps = l.bytesPerSample();
        for (int i = 0, p = 0; i < n; i++, p += bps) {
            out[at + i] = sample16(b, p, bps, l.isFloat());
        }
    }

    private static short sample16(byte[] b, int p, int bps, boolean isFloat) {
        if (isFloat) {
            double v = bps == 4 ? Float.intBitsToFloat(le32(b, p)) : Double.longBitsToDouble(le64(b, p));
            return clip16(Double.isNaN(v) ? 0 : Math.rint(v * 32768.0));
        }
        return switch (bps) {
            case 1 -> (short) (((b[p] & 0xFF) - 128) << 8);
            case 2 -> (short) ((b[p] & 0xFF) | b[p + 1] << 8);
            case 3 -> clip16(Math.rint((((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | b[p + 2] << 16)) / 256.0));
            default -> clip16(Math.rint(le32(b, p) / 65536.0));
        };
    }

    private static short clip16(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }

    private static int le16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    private static long le64(byte[] b, int p) {
        return (le32(b, p) & 0xFFFFFFFFL) | (long) le32(b, p + 4) << 32;
    }

    private static String printable(String id) {
        StringBuilder sb = new StringBuilder();
        for (char c : id.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? c : '?');
        }
        return sb.toString();
    }

    private static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int r = in.read(b, off + total, len - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }

    private static void skipPad(InputStream in, long size) throws IOException {
        if ((size & 1) != 0) {
            in.read();
        }
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new AudioDecodeException("truncated WAV: a chunk runs past the end of the file");
                }
                s = 1;
            }
            left -= s;
        }
    }
}
