package dev.fleetdeck.provider.prom.expo;

import java.nio.charset.StandardCharsets;

/**
 * One parsed sample, as offsets into the parser's buffer: nothing is copied or decoded until asked for. Reused for
 * every sample of a parse; valid only inside {@link SampleSink#accept}.
 */
public final class SampleView implements Sample {
    static final int MAX_LABELS = 64;

    byte[] buf;
    int nameStart;
    int nameEnd;
    int labels;
    final int[] labelNameStart = new int[MAX_LABELS];
    final int[] labelNameEnd = new int[MAX_LABELS];
    final int[] labelValueStart = new int[MAX_LABELS];
    final int[] labelValueEnd = new int[MAX_LABELS];
    final boolean[] labelEscaped = new boolean[MAX_LABELS];
    final boolean[] labelNameEscaped = new boolean[MAX_LABELS];
    boolean nameEscaped;
    double value;
    long timestampMillis;
    boolean hasTimestamp;
    int line;

    @Override
    public boolean nameIs(LabelKey key) {
        return equalsBytes(nameStart, nameEnd, key.bytes());
    }

    @Override
    public String name() {
        return nameEscaped ? unescape(nameStart, nameEnd) : new String(buf, nameStart, nameEnd - nameStart,
                StandardCharsets.UTF_8);
    }

    /** Whether the metric name starts with {@code prefix} (no allocation). */
    public boolean nameStartsWith(byte[] prefix) {
        if (nameEnd - nameStart < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[nameStart + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The metric name's bytes, for hashing without allocation. */
    public int nameHash() {
        int h = 1;
        for (int i = nameStart; i < nameEnd; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    @Override
    public String label(LabelKey key) {
        int i = find(key);
        return i < 0 ? null : labelValue(i);
    }

    /** The index of a label, or -1. */
    public int find(LabelKey key) {
        byte[] k = key.bytes();
        for (int i = 0; i < labels; i++) {
            if (equalsBytes(labelNameStart[i], labelNameEnd[i], k)) {
                return i;
            }
        }
        return -1;
    }

    public int labelCount() {
        return labels;
    }

    public String labelName(int i) {
        return labelNameEscaped[i] ? unescape(labelNameStart[i], labelNameEnd[i])
                : new String(buf, labelNameStart[i], labelNameEnd[i] - labelNameStart[i], StandardCharsets.UTF_8);
    }

    /** A label value, with escapes ({@code \\}, {@code \"}, {@code \n}) resolved. */
    public String labelValue(int i) {
        int s = labelValueStart[i];
        int e = labelValueEnd[i];
        if (!labelEscaped[i]) {
            return new String(buf, s, e - s, StandardCharsets.UTF_8);
        }
        return unescape(s, e);
    }

    /**
     * The text format's escapes: {@code \\\\}, {@code \\"} and {@code \\n}. Any other backslash is kept with the
     * character after it ({@code C:\\temp} stays as written), as the reference parsers keep it.
     */
    private String unescape(int s, int e) {
        byte[] out = new byte[e - s];
        int n = 0;
        for (int j = s; j < e; j++) {
            byte c = buf[j];
            if (c == '\\' && j + 1 < e) {
                byte next = buf[j + 1];
                if (next == 'n' || next == '\\' || next == '"') {
                    out[n++] = next == 'n' ? (byte) '\n' : next;
                    j++;
                    continue;
                }
            }
            out[n++] = c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** Whether label {@code i}'s raw value equals {@code bytes} (unescaped values only). */
    public boolean labelValueIs(int i, byte[] bytes) {
        return !labelEscaped[i] && equalsBytes(labelValueStart[i], labelValueEnd[i], bytes);
    }

    /** A hash of label {@code i}'s raw value bytes (for caches). */
    public int labelValueHash(int i) {
        int h = 1;
        for (int j = labelValueStart[i]; j < labelValueEnd[i]; j++) {
            h = 31 * h + buf[j];
        }
        return h;
    }

    /** The raw bytes of label {@code i}'s value: buffer, start, end (for caches that compare bytes). */
    public byte[] buffer() {
        return buf;
    }

    public int labelValueStart(int i) {
        return labelValueStart[i];
    }

    public int labelValueEnd(int i) {
        return labelValueEnd[i];
    }

    public boolean labelValueEscaped(int i) {
        return labelEscaped[i];
    }

    @Override
    public double value() {
        return value;
    }

    /** The sample's own timestamp in milliseconds, when it has one. */
    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    public long timestampMillis() {
        return timestampMillis;
    }

    /** The input line of this sample (1-based). */
    public int line() {
        return line;
    }

    private boolean equalsBytes(int s, int e, byte[] k) {
        if (e - s != k.length) {
            return false;
        }
        for (int i = 0; i < k.length; i++) {
            if (buf[s + i] != k[i]) {
                return false;
            }
        }
        return true;
    }
}
