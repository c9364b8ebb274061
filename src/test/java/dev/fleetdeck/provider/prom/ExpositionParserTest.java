package dev.fleetdeck.provider.prom;

import dev.fleetdeck.provider.prom.expo.ExpositionParser;
import dev.fleetdeck.provider.prom.expo.LabelKey;
import dev.fleetdeck.provider.prom.expo.ParseException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpositionParserTest {
    record Parsed(String name, List<String> labels, double value, Long timestamp) {
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = ExpositionParserTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    static List<Parsed> parse(String text, boolean openMetrics) throws ParseException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        List<Parsed> out = new ArrayList<>();
        new ExpositionParser(openMetrics).parse(b, b.length, "test", s -> {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < s.labelCount(); i++) {
                labels.add(s.labelName(i) + "=" + s.labelValue(i));
            }
            out.add(new Parsed(s.name(), labels, s.value(), s.hasTimestamp() ? s.timestampMillis() : null));
        });
        return out;
    }

    @Test
    void realDcgmExporterScrape() throws Exception {
        byte[] b = resource("/fixtures/dcgm-exporter/aicr-eks-8xh100-sampled-ip-100-64-147-149.metrics.txt");
        List<Double> temps = new ArrayList<>();
        LabelKey temp = LabelKey.of("DCGM_FI_DEV_GPU_TEMP");
        LabelKey pod = LabelKey.of("pod");
        List<String> pods = new ArrayList<>();
        long n = new ExpositionParser(false).parse(b, b.length, "aicr", s -> {
            if (s.nameIs(temp)) {
                temps.add(s.value());
                String p = s.label(pod);
                if (p != null) {
                    pods.add(p);
                }
            }
        });
        assertEquals(30, n);
        assertEquals(List.of(27.0, 28.0, 29.0, 29.0, 28.0, 26.0, 28.0, 27.0), temps);
        assertEquals(List.of("vllm-agg-0-vllmdecodeworker-dkb9q"), pods);
    }

    @Test
    void realNvidiaGpuExporterScrapeWithExponents() throws Exception {
        byte[] b = resource("/fixtures/prometheus-text/ug-nvidia-gpu-exporter-h100-mig-load.metrics");
        List<Parsed> all = new ArrayList<>();
        new ExpositionParser(false).parse(b, b.length, "nvidia_gpu_exporter", s -> all.add(new Parsed(s.name(),
                List.of(), s.value(), null)));
        assertThat(all).hasSizeGreaterThan(100);
        assertThat(all).anySatisfy(p -> {
            assertEquals("nvidia_smi_clocks_current_sm_clock_hz", p.name());
            assertEquals(1.98e9, p.value());
        });
        assertThat(all).anySatisfy(p -> {
            assertEquals("nvidia_smi_power_draw_watts", p.name());
            assertEquals(433.78, p.value());
        });
    }

    @Test
    void escapesSpecialValuesTimestampsCommentsAndCrlf() throws Exception {
        String text = "# HELP m A \"help\" with \\\\ and \\n\r\n"
                + "# TYPE m gauge\r\n"
                + "# just a comment\r\n"
                + "\r\n"
                + "m{path=\"C:\\\\dir\",quote=\"say \\\"hi\\\"\",nl=\"a\\nb\",} 1.5 1700000000123\r\n"
                + "  m{x=\"nan\"} NaN\n"
                + "m{x=\"pinf\"} +Inf\n"
                + "m{x=\"minf\"}\t-Inf\n"
                + "m{} -0.000001e+3\n"
                + "m 12345678901234567890\n"
                + "{\"odd.name\",le=\"1\"} 2\n";
        List<Parsed> p = parse(text, false);
        assertEquals(7, p.size());
        assertEquals(List.of("path=C:\\dir", "quote=say \"hi\"", "nl=a\nb"), p.get(0).labels());
        assertEquals(1.5, p.get(0).value());
        assertEquals(1700000000123L, p.get(0).timestamp());
        assertTrue(Double.isNaN(p.get(1).value()));
        assertEquals(Double.POSITIVE_INFINITY, p.get(2).value());
        assertEquals(Double.NEGATIVE_INFINITY, p.get(3).value());
        assertEquals(-0.001, p.get(4).value(), 1e-15);
        assertEquals(12345678901234567890.0, p.get(5).value());
        assertEquals("odd.name", p.get(6).name());
        assertEquals(List.of("le=1"), p.get(6).labels());
    }

    @Test
    void openMetricsTimestampsExemplarsAndEof() throws Exception {
        String text = "# TYPE requests counter\n# UNIT requests seconds\n"
                + "requests_total{code=\"200\"} 1027 1520879607.789 # {trace_id=\"KOO5S4vxi0o\"} 0.67 1520879606\n"
                + "requests_total{code=\"500\"} 3 # {trace_id=\"x\"} 1\n"
                + "# EOF\n"
                + "this is never read\n";
        List<Parsed> p = parse(text, true);
        assertEquals(2, p.size());
        assertEquals(1520879607789L, p.get(0).timestamp(), "seconds in OpenMetrics");
        assertEquals(3.0, p.get(1).value());
    }

    @Test
    void fastPathNumbersEqualJavasParsing() throws Exception {
        java.util.Random r = new java.util.Random(7);
        StringBuilder b = new StringBuilder();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String v = switch (i % 5) {
                case 0 -> Long.toString(r.nextLong() % 1_000_000_000L);
                case 1 -> String.format(java.util.Locale.ROOT, "%.6f", r.nextDouble() * 1000);
                case 2 -> Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
                case 3 -> (r.nextInt(1000) / 100.0) + "e" + (r.nextInt(60) - 30);
                default -> "0." + String.format("%09d", r.nextInt(1_000_000_000));
            };
            written.add(v);
            b.append("x ").append(v).append('\n');
        }
        List<Parsed> p = parse(b.toString(), false);
        for (int i = 0; i < written.size(); i++) {
            assertEquals(Double.parseDouble(written.get(i)), p.get(i).value(), 0.0, written.get(i));
        }
    }

    @Test
    void malformedInputNamesTargetAndLine() {
        record Bad(String text, String message) {
        }
        List<Bad> cases = List.of(
                new Bad("ok 1\nm{a=\"1\" 2\n", "line 2: expected ',' or '}' after label 'a'"),
                new Bad("m{a=1} 2\n", "line 1: label 'a' has no quoted value"),
                new Bad("m{a=\"1} 2\n", "line 1: unterminated value of label 'a'"),
                new Bad("m{1a=\"x\"} 2\n", "line 1: expected a label name, found '1'"),
                new Bad("m\n", "line 1: missing value"),
                new Bad("m 1 2 3\n", "line 1: unexpected '3' after the value"),
                new Bad("m abc\n", "line 1: 'abc' is not a number"),
                new Bad("m 1 soon\n", "line 1: 'soon' is not a timestamp"),
                new Bad("9m 1\n", "line 1: expected a metric name, found '9'"),
                new Bad("# TYPE m gauges\n", "line 1: unknown metric type 'gauges'"),
                new Bad("m 1.0f\n", "line 1: '1.0f' is not a number"));
        for (Bad c : cases) {
            ParseException e = assertThrows(ParseException.class, () -> parse(c.text(), false), c.text());
            assertEquals("test: " + c.message(), e.getMessage(), c.text());
            assertEquals("test", e.target());
        }
    }
}
