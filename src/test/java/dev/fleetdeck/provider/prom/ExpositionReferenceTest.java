package dev.fleetdeck.provider.prom;

import dev.fleetdeck.provider.prom.expo.ExpositionParser;
import dev.fleetdeck.provider.prom.expo.ParseException;
import dev.fleetdeck.provider.prom.expo.ParseProblems;
import dev.fleetdeck.provider.prom.expo.SampleView;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Inputs that the reference parsers accept, with the samples they give: the cases of prometheus/common
 * {@code expfmt/text_parse_test.go} (scenarios 1-11), prometheus/prometheus {@code model/textparse} (value spellings,
 * exact timestamps, {@code gauge_histogram}) and the OpenMetrics parser tests, ported as expected samples.
 */
class ExpositionReferenceTest {
    record S(String name, Map<String, String> labels, double value, Long timestampMillis) {
    }

    private static List<S> parse(String text, boolean openMetrics) throws ParseException {
        List<S> out = new ArrayList<>();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        new ExpositionParser(openMetrics).parse(b, b.length, "ref", s -> out.add(sample(s)));
        return out;
    }

    private static S sample(SampleView v) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < v.labelCount(); i++) {
            labels.put(v.labelName(i), v.labelValue(i));
        }
        return new S(v.name(), labels, v.value(), v.hasTimestamp() ? v.timestampMillis() : null);
    }

    private static S s(String name, double value, Long ts, String... labels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            m.put(labels[i], labels[i + 1]);
        }
        return new S(name, m, value, ts);
    }

    @Test
    void expfmtMinimalAndWhitespaceAndEscapes() throws Exception {
        assertEquals(List.of(s("minimal_metric", 1.234, null), s("another_metric", -3e3, 103948L),
                        s("no_labels", 3, null)),
                parse("\nminimal_metric 1.234\nanother_metric -3e3 103948\n# Even that:\nno_labels{} 3\n"
                        + "# HELP line for non-existing metric will be ignored.\n", false));
        List<S> two = parse("""
                # A normal comment.
                #
                # TYPE name counter
                name{labelname="val1",basename="basevalue"} NaN
                name {labelname="val2",basename="base\\"v\\\\al\\nue"} 0.23 1234567890
                # HELP name two-line\\n doc  str\\\\ing

                 # HELP  name2  	doc str"ing 2
                  #    TYPE    name2 gauge
                name2{labelname="val2"	,basename   =   "basevalue2"		} +Inf 54321
                name2{ labelname = "val1" , }-Inf
                """, false);
        assertEquals(4, two.size());
        assertThat(two.get(0).value()).isNaN();
        assertEquals(s("name", 0.23, 1234567890L, "labelname", "val2", "basename", "base\"v\\al\nue"), two.get(1));
        assertEquals(s("name2", Double.POSITIVE_INFINITY, 54321L, "labelname", "val2", "basename", "basevalue2"),
                two.get(2));
        assertEquals(s("name2", Double.NEGATIVE_INFINITY, null, "labelname", "val1"), two.get(3),
                "no space before the value, a trailing comma, spaces around '='");
    }

    @Test
    void expfmtSummaryOddities() throws Exception {
        List<S> out = parse("""
                # TYPE my_summary summary
                decoy -1 -2
                my_summary_sum{n1="val2"} 08 15
                  my_summary{n1="val1",n2="val2",quantile="-12.34",} NaN
                """, false);
        assertEquals(s("decoy", -1, -2L), out.get(0));
        assertEquals(s("my_summary_sum", 8, 15L, "n1", "val2"), out.get(1));
        assertEquals(Map.of("n1", "val1", "n2", "val2", "quantile", "-12.34"), out.get(2).labels());
    }

    @Test
    void expfmtQuotedNamesAnywhereWithEscapes() throws Exception {
        assertEquals(List.of(s("my.noncompliant.metric", 1, null, "label.name", "value")),
                parse("# HELP \"my.noncompliant.metric\" help text\n# TYPE \"my.noncompliant.metric\" counter\n"
                        + "{\"my.noncompliant.metric\",\"label.name\"=\"value\"} 1\n", false));
        assertEquals(List.of(s("name.with.dots", 0.23, 1234567890L, "labelname", "val2", "basename", "basevalue")),
                parse("{\"name.with.dots\",labelname=\"val2\",basename=\"basevalue\"} 0.23 1234567890\n", false));
        assertEquals(List.of(s("name.with.dots", 42, null), s("name.with.dots", 0.23, 1234567890L)),
                parse("\t\t\t\t{\"name.with.dots\"} 42.0\n\t\t\t\t{\"name.with.dots\"} 0.23 1234567890\n\t\t\t\t", false));
        assertEquals(List.of(s("gauge.name", 3.14e42, null, "name.1", "Björn", "name*2", "佖佥")),
                parse("{\"gauge.name\",\"name.1\"=\"Björn\",\"name*2\"=\"佖佥\"} 3.14e+42\n", false));
        assertEquals(List.of(s("my\"noncompliant\nmetric\\", 1, null, "label\"name\n", "value")),
                parse("{\"my\\\"noncompliant\\nmetric\\\\\",\"label\\\"name\\n\"=\"value\"} 1\n", false),
                "escapes in quoted metric and label names are decoded");
        assertEquals(List.of(s("my.noncompliant.metric", 1, null, "labelname", "value")),
                parse("{labelname=\"value\", \"my.noncompliant.metric\"} 1\n", false), "the name not first");
        assertEquals(3, parse("{\"name.1\"} 1\n{\"name.2\"} 1\n{\"name.3\"} 1\n", false).size());
    }

    @Test
    void everyValueSpellingGoAccepts() throws Exception {
        List<S> out = parse("a nan\nb NAN\nc +Infinity\nd -INF\ne Inf\nf -inf\ng NaN\nh +Inf\n", false);
        assertThat(out.get(0).value()).isNaN();
        assertThat(out.get(1).value()).isNaN();
        assertEquals(Double.POSITIVE_INFINITY, out.get(2).value());
        assertEquals(Double.NEGATIVE_INFINITY, out.get(3).value());
        assertEquals(Double.POSITIVE_INFINITY, out.get(4).value());
        assertEquals(Double.NEGATIVE_INFINITY, out.get(5).value());
    }

    @Test
    void timestampsAreExactAndNeverRefusedForSize() throws Exception {
        assertEquals(1234567890123456789L, parse("m 1 1234567890123456789\n", false).getFirst().timestampMillis(),
                "an int64 is kept exactly, not rounded through a double");
        assertEquals(1520879607789L, parse("m 1 1520879607.789\n# EOF\n", true).getFirst().timestampMillis());
        assertEquals(Long.MAX_VALUE, parse("m 1 99999999999999999999\n", false).getFirst().timestampMillis());
        assertEquals(Long.MAX_VALUE, parse("m 1 1e300\n# EOF\n", true).getFirst().timestampMillis(),
                "beyond int64 milliseconds: kept at the limit, as the reference's conversion does");
    }

    @Test
    void unknownEscapesKeepTheirBackslash() throws Exception {
        assertEquals(Map.of("path", "C:\\temp", "z", "\\z", "q", "a\"b"),
                parse("m{path=\"C:\\temp\",z=\"\\z\",q=\"a\\\"b\"} 1\n", false).getFirst().labels());
    }

    @Test
    void gaugeHistogramAndEofInTheTextFormat() throws Exception {
        assertEquals(1, parse("# TYPE foo gauge_histogram\nfoo_bucket{le=\"1\"} 1\n", false).size());
        assertEquals(1, parse("# TYPE foo gaugehistogram\nfoo_bucket{le=\"1\"} 1\n# EOF\n", true).size());
        assertEquals(2, parse("a 1\n# EOF\nb 2\n", false).size(), "# EOF is only a comment in the text format");
        assertEquals(1, parse("a 1\n# EOF\n", true).size());
    }

    @Test
    void oneMalformedLineFailsThatLineAlone() throws Exception {
        byte[] b = "a 1\nb{x=\"1\" 2\nc 3\nd{ 4\ne 5\n".getBytes(StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        ParseProblems problems = new ParseProblems();
        long n = new ExpositionParser(false).parse(b, b.length, "t", s -> names.add(s.name()), problems);
        assertEquals(3, n);
        assertEquals(List.of("a", "c", "e"), names);
        assertEquals(2, problems.count());
        assertThat(problems.examples()).extracting(ParseException::line).containsExactly(2, 4);
    }

    /** The OpenMetrics parser tests' shapes: units, info, stateset, exemplars, created series, seconds timestamps. */
    @Test
    void openMetricsShapes() throws Exception {
        List<S> out = parse("""
                # HELP go_gc_duration_seconds A summary of the GC invocation durations.
                # TYPE go_gc_duration_seconds summary
                # UNIT go_gc_duration_seconds seconds
                go_gc_duration_seconds{quantile="0"} 4.9351e-05
                go_gc_duration_seconds_count 99
                # TYPE nohelp1 gauge
                # HELP nohelp2
                # TYPE foo counter
                foo_total 17.0 1520879607.789 # {id="counter-test"} 5
                foo_created 1520872607.123
                # TYPE bar info
                bar_info{foo="bar"} 1
                # TYPE ss stateset
                ss{ss="foo"} 1
                ss{ss="bar"} 0
                # TYPE hh histogram
                hh_bucket{le="+Inf"} 1 # {id="histogram-count-test"} 4
                hhh_bucket{le="+Inf"} 1 # {id="histogram-bucket-test"} 4 123123
                # EOF
                """, true);
        assertEquals(s("go_gc_duration_seconds", 4.9351e-05, null, "quantile", "0"), out.get(0));
        assertEquals(s("foo_total", 17.0, 1520879607789L), out.get(2), "seconds with a fraction, exemplar ignored");
        assertEquals(s("foo_created", 1520872607.123, null), out.get(3));
        assertEquals(s("bar_info", 1, null, "foo", "bar"), out.get(4));
        assertEquals(s("ss", 0, null, "ss", "bar"), out.get(6));
        assertEquals(s("hhh_bucket", 1, null, "le", "+Inf"), out.get(8));
        assertEquals(9, out.size());
    }

    /** prometheus/prometheus {@code TestPromParse}: every series of its input, in order. */
    @Test
    void promParseInput() throws Exception {
        String input = """
                # HELP go_gc_duration_seconds A summary of the GC invocation durations.
                # \tTYPE go_gc_duration_seconds summary
                go_gc_duration_seconds{quantile="0"} 4.9351e-05
                go_gc_duration_seconds{quantile="0.25",} 7.424100000000001e-05
                go_gc_duration_seconds{quantile="0.5",a="b"} 8.3835e-05
                go_gc_duration_seconds{quantile="0.8", a="b"} 8.3835e-05
                go_gc_duration_seconds{ quantile="0.9", a="b"} 8.3835e-05
                # Hrandom comment starting with prefix of HELP
                #
                wind_speed{A="2",c="3"} 12345
                # comment with escaped \\n newline
                # comment with escaped \\ escape character
                # HELP nohelp1
                # HELP nohelp2\s
                go_gc_duration_seconds{ quantile="1.0", a="b" } 8.3835e-05
                go_gc_duration_seconds { quantile="1.0", a="b" } 8.3835e-05
                go_gc_duration_seconds { quantile= "1.0", a= "b", } 8.3835e-05
                go_gc_duration_seconds { quantile = "1.0", a = "b" } 8.3835e-05
                go_gc_duration_seconds { quantile = "2.0" a = "b" } 8.3835e-05
                go_gc_duration_seconds_count 99
                some:aggregate:rate5m{a_b="c"}\t1
                # HELP go_goroutines Number of goroutines that currently exist.
                # TYPE go_goroutines gauge
                go_goroutines 33  \t123123
                _metric_starting_with_underscore 1
                testmetric{_label_starting_with_underscore="foo"} 1
                testmetric{label="\\"bar\\""} 1
                # HELP metric foo\u0000bar
                null_byte_metric{a="abc\u0000"} 1""";
        List<S> out = parse(input, false);
        assertEquals(18, out.size());
        assertEquals(s("go_gc_duration_seconds", 7.424100000000001e-05, null, "quantile", "0.25"), out.get(1));
        assertEquals(s("wind_speed", 12345, null, "A", "2", "c", "3"), out.get(5));
        assertEquals(s("go_gc_duration_seconds", 8.3835e-05, null, "quantile", "2.0", "a", "b"), out.get(10),
                "label terms separated by blanks alone");
        assertEquals(s("some:aggregate:rate5m", 1, null, "a_b", "c"), out.get(12));
        assertEquals(s("go_goroutines", 33, 123123L), out.get(13));
        assertEquals(s("_metric_starting_with_underscore", 1, null), out.get(14));
        assertEquals(s("testmetric", 1, null, "label", "\"bar\""), out.get(16));
        assertEquals(s("null_byte_metric", 1, null, "a", "abc\u0000"), out.get(17));
    }

    /** prometheus/prometheus {@code TestUTF8PromParse}: quoted names with escapes, braces and non-ASCII inside. */
    @Test
    void promParseUtf8Input() throws Exception {
        List<S> out = parse("""
                {"go.gc_duration_seconds",quantile="0.25",} 7.424100000000001e-05
                { "go.gc_duration_seconds", quantile = "1.0", a = "b" } 8.3835e-05
                {"go.gc_duration_seconds_count"} 99
                {"Heizölrückstoßabdämpfung 10€ metric with \\"interesting\\" {character\\nchoices}",\
                "strange©™\\n'quoted' \\"name\\""="6"} 10.0
                """, false);
        assertEquals(s("go.gc_duration_seconds", 7.424100000000001e-05, null, "quantile", "0.25"), out.get(0));
        assertEquals(s("go.gc_duration_seconds", 8.3835e-05, null, "quantile", "1.0", "a", "b"), out.get(1));
        assertEquals(s("Heizölrückstoßabdämpfung 10€ metric with \"interesting\" {character\nchoices}", 10.0, null,
                "strange©™\n'quoted' \"name\"", "6"), out.get(3));
    }

    /** prometheus/prometheus {@code TestPromParseErrors}: what it refuses, we refuse (each such line alone). */
    @Test
    void promParseErrors() {
        for (String bad : List.of("a\n", "a{b='c'} 1\n", "a{b=\n", "a true\n", "something_weird{problem=\"",
                "empty_label_name{=\"\"} 0", "foo 1_2\n", "foo 0x1p-3\n", "foo 0x1P-3\n", "foo 0 1_2\n",
                "{a=\"ok\"} 1", "# TYPE #\n", "# HELP #\n", "a{b=\u0000\"ssss\"} 1\n", "a\u0000{b=\"ddd\"} 1",
                "a 0 1\u0000")) {
            org.junit.jupiter.api.Assertions.assertThrows(ParseException.class, () -> parse(bad, false), bad);
        }
    }
}
