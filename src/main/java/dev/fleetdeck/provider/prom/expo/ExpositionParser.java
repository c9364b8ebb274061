package dev.fleetdeck.provider.prom.expo;

/**
 * A single-pass, allocation-free parser of the Prometheus text exposition format (0.0.4) and OpenMetrics 1.0 text,
 * over the bytes of a response body. It handles {@code # HELP}/{@code # TYPE}/{@code # UNIT} and other comments,
 * blank lines, CRLF, escapes in label values, NaN and ±Inf, optional timestamps (milliseconds in the Prometheus
 * format, seconds in OpenMetrics), exemplars (ignored), {@code # EOF}, and quoted UTF-8 metric names
 * ({@code {"a.b",x="1"} 2}). Samples go to a {@link SampleSink} as a reused {@link SampleView}.
 *
 * <p>Anything malformed ends the parse with a {@link ParseException} naming the target and line; no other
 * exception escapes. Thread-safe: the parser keeps no state between calls.
 */
public final class ExpositionParser {
    private final boolean openMetrics;

    /** @param openMetrics whether the body is OpenMetrics (timestamps in seconds, {@code # EOF} expected) */
    public ExpositionParser(boolean openMetrics) {
        this.openMetrics = openMetrics;
    }

    /** The parser for a {@code Content-Type}: OpenMetrics when it says so, the Prometheus text format otherwise. */
    public static ExpositionParser forContentType(String contentType) {
        return new ExpositionParser(contentType != null && contentType.contains("application/openmetrics-text"));
    }

    /** Parses {@code buf[0, length)}, strictly: the first malformed line ends the parse. Returns the samples. */
    public long parse(byte[] buf, int length, String target, SampleSink sink) throws ParseException {
        return parse(buf, length, target, sink, null);
    }

    /**
     * Parses {@code buf[0, length)}; a malformed line is skipped and recorded in {@code problems} (or, when that is
     * null, ends the parse with its exception). Returns the number of samples.
     */
    public long parse(byte[] buf, int length, String target, SampleSink sink, ParseProblems problems)
            throws ParseException {
        SampleView s = new SampleView();
        s.buf = buf;
        int pos = 0;
        int line = 0;
        long samples = 0;
        while (pos < length) {
            line++;
            int eol = pos;
            while (eol < length && buf[eol] != '\n') {
                eol++;
            }
            int end = eol;
            if (end > pos && buf[end - 1] == '\r') {
                end--;
            }
            int start = pos;
            while (start < end && (buf[start] == ' ' || buf[start] == '\t')) {
                start++;
            }
            if (start < end) {
                try {
                    if (buf[start] == '#') {
                        if (comment(buf, start, end, line, target)) {
                            return samples; // # EOF (OpenMetrics only)
                        }
                    } else {
                        sampleLine(buf, start, end, line, target, s);
                        sink.accept(s);
                        samples++;
                    }
                } catch (ParseException e) {
                    if (problems == null) {
                        throw e;
                    }
                    problems.add(e);
                }
            }
            pos = eol + 1;
        }
        return samples;
    }

    private static boolean isBlank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Checks a comment line; returns true at {@code # EOF}. */
    private boolean comment(byte[] b, int s, int e, int line, String target) throws ParseException {
        int i = s + 1;
        while (i < e && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (startsWith(b, i, e, "EOF") && isBlank(b, i + 3, e)) {
            return openMetrics; // in the Prometheus text format "# EOF" is only a comment: later samples count
        }
        boolean help = startsWith(b, i, e, "HELP ");
        boolean type = startsWith(b, i, e, "TYPE ");
        boolean unit = startsWith(b, i, e, "UNIT ");
        if (!help && !type && !unit) {
            return false; // a free comment
        }
        int n = i + 5;
        while (n < e && b[n] == ' ') {
            n++;
        }
        int nameEnd = n;
        while (nameEnd < e && b[nameEnd] != ' ' && b[nameEnd] != '\t') {
            nameEnd++;
        }
        if (nameEnd == n || b[n] == '#') {
            throw new ParseException(target, line, "# " + (help ? "HELP" : type ? "TYPE" : "UNIT")
                    + " without a metric name");
        }
        if (type) {
            int t = nameEnd;
            while (t < e && (b[t] == ' ' || b[t] == '\t')) {
                t++;
            }
            int te = e;
            while (te > t && (b[te - 1] == ' ' || b[te - 1] == '\t')) {
                te--;
            }
            if (!isType(b, t, te)) {
                throw new ParseException(target, line, "unknown metric type '" + ascii(b, t, te) + "'");
            }
        }
        return false;
    }

    private static boolean isType(byte[] b, int s, int e) {
        for (String t : new String[] {"counter", "gauge", "histogram", "summary", "untyped", "unknown", "info",
                "stateset", "gaugehistogram", "gauge_histogram"}) {
            if (e - s == t.length() && startsWith(b, s, e, t)) {
                return true;
            }
        }
        return false;
    }

    private void sampleLine(byte[] b, int s, int e, int line, String target, SampleView v) throws ParseException {
        v.line = line;
        v.labels = 0;
        v.hasTimestamp = false;
        v.nameEscaped = false;
        int i = s;
        if (b[i] == '{') {
            v.nameStart = -1;
            i = labels(b, i, e, line, target, v);
            if (v.nameStart < 0) {
                throw new ParseException(target, line, "a sample without a metric name");
            }
        } else {
            if (!isNameStart(b[i])) {
                throw new ParseException(target, line, "expected a metric name, found '" + (char) (b[i] & 0xff) + "'");
            }
            v.nameStart = i;
            i++;
            while (i < e && isNameChar(b[i])) {
                i++;
            }
            v.nameEnd = i;
            if (i >= e || (b[i] != ' ' && b[i] != '\t' && b[i] != '{')) {
                throw new ParseException(target, line, i >= e ? "missing value" : "expected a space before the value");
            }
            int afterName = i;
            while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i < e && b[i] == '{') {
                i = labels(b, i, e, line, target, v); // "name {…}" is the same as "name{…}"
            } else {
                i = afterName;
            }
        }
        if (i >= e) {
            throw new ParseException(target, line, "missing value");
        }
        while (i < e && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        int vs = i;
        while (i < e && b[i] != ' ' && b[i] != '\t') {
            i++;
        }
        if (vs == i) {
            throw new ParseException(target, line, "missing value");
        }
        try {
            v.value = FastDouble.parse(b, vs, i);
        } catch (NumberFormatException ex) {
            throw new ParseException(target, line, "'" + ascii(b, vs, i) + "' is not a number");
        }
        while (i < e && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i < e && b[i] != '#') {
            int ts = i;
            while (i < e && b[i] != ' ' && b[i] != '\t') {
                i++;
            }
            v.timestampMillis = timestamp(b, ts, i, line, target);
            v.hasTimestamp = true;
            while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
        }
        if (i < e && b[i] == '#') {
            return; // an OpenMetrics exemplar: ignored
        }
        if (i < e) {
            throw new ParseException(target, line, "unexpected '" + ascii(b, i, Math.min(e, i + 20))
                    + "' after the value");
        }
    }

    /**
     * A sample's timestamp in milliseconds: integers are read exactly (a nanosecond-scale int64 is not rounded
     * through a double), OpenMetrics seconds with up to millisecond decimals exactly too; values beyond int64
     * milliseconds are kept at the int64 limit, as the reference parsers' conversions do.
     */
    private long timestamp(byte[] b, int s, int e, int line, String target) throws ParseException {
        long exact = exactTimestamp(b, s, e);
        if (exact != Long.MIN_VALUE) {
            return exact;
        }
        try {
            double t = FastDouble.parse(b, s, e);
            if (!Double.isFinite(t)) {
                throw new NumberFormatException();
            }
            double ms = openMetrics ? t * 1000 : t;
            return ms >= 0x1p63 ? Long.MAX_VALUE : ms <= -0x1p63 ? Long.MIN_VALUE + 1 : (long) ms;
        } catch (NumberFormatException ex) {
            throw new ParseException(target, line, "'" + ascii(b, s, e) + "' is not a timestamp");
        }
    }

    /** Integer (or, in OpenMetrics, seconds with a fraction) read without a double; MIN_VALUE when not that shape. */
    private long exactTimestamp(byte[] b, int s, int e) {
        int i = s;
        boolean negative = i < e && b[i] == '-';
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        int digitsStart = i;
        long whole = 0;
        boolean overflow = false;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            long next = whole * 10 + (b[i] - '0');
            overflow |= whole > (Long.MAX_VALUE - 9) / 10;
            whole = next;
            i++;
        }
        if (i == digitsStart) {
            return Long.MIN_VALUE;
        }
        long fracMs = 0;
        if (i < e && b[i] == '.' && openMetrics) {
            i++;
            int fd = 0;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                if (fd < 3) {
                    fracMs = fracMs * 10 + (b[i] - '0');
                }
                fd++;
                i++;
            }
            for (; fd < 3; fd++) {
                fracMs *= 10;
            }
        }
        if (i != e) {
            return Long.MIN_VALUE;
        }
        long ms;
        if (overflow) {
            ms = Long.MAX_VALUE;
        } else if (openMetrics) {
            ms = whole > (Long.MAX_VALUE - 999) / 1000 ? Long.MAX_VALUE : whole * 1000 + fracMs;
        } else {
            ms = whole;
        }
        return negative ? (ms == Long.MAX_VALUE ? Long.MIN_VALUE + 1 : -ms) : ms;
    }

    /** Reads {@code {name="value",…}} starting at the brace; returns the index after the closing brace. */
    private static int labels(byte[] b, int i, int e, int line, String target, SampleView v) throws ParseException {
        i++; // '{'
        while (true) {
            while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i >= e) {
                throw new ParseException(target, line, "unclosed '{'");
            }
            if (b[i] == '}') {
                return i + 1;
            }
            int ns;
            int ne;
            if (b[i] == '"') {
                ns = i + 1;
                ne = quotedEnd(b, ns, e, line, target);
                i = ne + 1;
                while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                    i++;
                }
                if (i < e && (b[i] == ',' || b[i] == '}')) {
                    if (v.nameStart >= 0) {
                        throw new ParseException(target, line, "two metric names in one label set");
                    }
                    v.nameStart = ns;
                    v.nameEnd = ne; // a quoted metric name, wherever it stands in the braces
                    v.nameEscaped = hasBackslash(b, ns, ne);
                    if (b[i] == ',') {
                        i++;
                    }
                    continue;
                }
            } else {
                if (!isLabelStart(b[i])) {
                    throw new ParseException(target, line, "expected a label name, found '" + (char) (b[i] & 0xff)
                            + "'");
                }
                ns = i;
                while (i < e && isLabelChar(b[i])) {
                    i++;
                }
                ne = i;
                while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                    i++;
                }
            }
            if (i >= e || b[i] != '=') {
                throw new ParseException(target, line, "expected '=' after label name '" + ascii(b, ns, ne) + "'");
            }
            i++;
            while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i >= e || b[i] != '"') {
                throw new ParseException(target, line, "label '" + ascii(b, ns, ne) + "' has no quoted value");
            }
            int vs = i + 1;
            boolean escaped = false;
            int j = vs;
            while (j < e && b[j] != '"') {
                if (b[j] == '\\') {
                    escaped = true;
                    j++;
                }
                j++;
            }
            if (j >= e) {
                throw new ParseException(target, line, "unterminated value of label '" + ascii(b, ns, ne) + "'");
            }
            if (v.labels == SampleView.MAX_LABELS) {
                throw new ParseException(target, line, "more than " + SampleView.MAX_LABELS + " labels");
            }
            int k = v.labels++;
            v.labelNameEscaped[k] = b[ns - 1] == '"' && hasBackslash(b, ns, ne);
            v.labelNameStart[k] = ns;
            v.labelNameEnd[k] = ne;
            v.labelValueStart[k] = vs;
            v.labelValueEnd[k] = j;
            v.labelEscaped[k] = escaped;
            i = j + 1;
            while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i < e && b[i] == ',') {
                i++;
            } else if (i < e && (isLabelStart(b[i]) || b[i] == '"') && (b[i - 1] == ' ' || b[i - 1] == '\t')) {
                // "{a = "1" b = "2"}": Prometheus' own parser takes label terms separated by blanks alone
            } else if (i < e && b[i] != '}') {
                throw new ParseException(target, line, "expected ',' or '}' after label '" + ascii(b, ns, ne) + "'");
            }
        }
    }

    private static boolean hasBackslash(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    private static int quotedEnd(byte[] b, int s, int e, int line, String target) throws ParseException {
        int j = s;
        while (j < e && b[j] != '"') {
            if (b[j] == '\\') {
                j++;
            }
            j++;
        }
        if (j >= e) {
            throw new ParseException(target, line, "unterminated quoted name");
        }
        return j;
    }

    private static boolean isNameStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean isNameChar(byte c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isLabelStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isLabelChar(byte c) {
        return isLabelStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean startsWith(byte[] b, int s, int e, String prefix) {
        if (e - s < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[s + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int s, int e) {
        StringBuilder out = new StringBuilder(Math.max(0, e - s));
        for (int i = s; i < e && out.length() < 40; i++) {
            char c = (char) (b[i] & 0xff);
            out.append(c >= 32 && c < 127 ? c : '?');
        }
        return out.toString();
    }
}
