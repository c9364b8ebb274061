package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.model.GpuProcess;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code nvidia-smi -q -x} (DTD versions 11 to 13 seen in the fixtures) into the same rows the CSV path
 * gives, keyed by the {@code --query-gpu} field names, plus each GPU's processes. The XML is parsed with the DTD
 * and external entities switched off: a {@code <!DOCTYPE … SYSTEM "nvsmi_device_v12.dtd">} is never fetched.
 *
 * @param rows      one row per GPU, in index order
 * @param processes processes per GPU UUID
 */
record NvsmiXml(List<Map<String, String>> rows, Map<String, List<GpuProcess>> processes) {

    /** Parses the XML; a document that is not an nvidia_smi_log is an IllegalArgumentException saying so. */
    static NvsmiXml parse(String xml) {
        Document doc = document(xml);
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("nvidia_smi_log")) {
            throw new IllegalArgumentException("expected <nvidia_smi_log>, found <" + root.getTagName() + ">");
        }
        String driver = text(root, "driver_version").orElse("");
        List<Map<String, String>> rows = new ArrayList<>();
        Map<String, List<GpuProcess>> processes = new HashMap<>();
        int index = 0;
        for (Element gpu : children(root, "gpu")) {
            Map<String, String> row = new HashMap<>();
            put(row, "index", Integer.toString(index++));
            put(row, "driver_version", driver);
            put(row, "pci.bus_id", gpu.getAttribute("id"));
            put(row, "name", text(gpu, "product_name"));
            put(row, "uuid", text(gpu, "uuid"));
            put(row, "utilization.gpu", text(gpu, "utilization", "gpu_util"));
            put(row, "utilization.memory", text(gpu, "utilization", "memory_util"));
            put(row, "memory.used", text(gpu, "fb_memory_usage", "used"));
            put(row, "memory.total", text(gpu, "fb_memory_usage", "total"));
            put(row, "temperature.gpu", text(gpu, "temperature", "gpu_temp"));
            put(row, "temperature.memory", text(gpu, "temperature", "memory_temp"));
            Optional<Element> power = child(gpu, "gpu_power_readings").or(() -> child(gpu, "power_readings"));
            power.ifPresent(p -> {
                // Schema 13 has both average_power_draw and instant_power_draw, either of them "N/A" on some cards.
                put(row, "power.draw", present(text(p, "power_draw"), text(p, "average_power_draw"),
                        text(p, "instant_power_draw")));
                put(row, "power.limit", present(text(p, "current_power_limit"), text(p, "power_limit"),
                        text(p, "enforced_power_limit"), text(p, "requested_power_limit")));
            });
            put(row, "clocks.current.sm", text(gpu, "clocks", "sm_clock"));
            put(row, "pstate", text(gpu, "performance_state"));
            put(row, "fan.speed", text(gpu, "fan_speed"));
            put(row, "mig.mode.current", text(gpu, "mig_mode", "current_mig"));
            put(row, "remapped_rows.pending", text(gpu, "remapped_rows", "remapped_row_pending"));
            put(row, "remapped_rows.failure", text(gpu, "remapped_rows", "remapped_row_failure"));
            ecc(gpu, row);
            reasons(gpu, "clocks_event_reasons", "clocks_event_reason_", row);
            reasons(gpu, "clocks_throttle_reasons", "clocks_throttle_reason_", row);
            String uuid = row.getOrDefault("uuid", "");
            child(gpu, "processes").ifPresent(ps -> {
                for (Element p : children(ps, "process_info")) {
                    double pid = NvsmiValues.number(text(p, "pid").orElse(null));
                    if (!Double.isNaN(pid)) {
                        processes.computeIfAbsent(uuid, k -> new ArrayList<>()).add(new GpuProcess((long) pid,
                                NvsmiValues.text(text(p, "process_name").orElse(null)),
                                NvsmiValues.number(text(p, "used_memory").orElse(null)),
                                NvsmiValues.text(text(p, "type").orElse(null))));
                    }
                }
            });
            rows.add(row);
        }
        return new NvsmiXml(rows, processes);
    }

    /** Volatile ECC counts: {@code single_bit/total} in older schemas, SRAM + DRAM counts in newer ones. */
    private static void ecc(Element gpu, Map<String, String> row) {
        child(gpu, "ecc_errors").flatMap(e -> child(e, "volatile")).ifPresent(v -> {
            Optional<String> single = text(v, "single_bit", "total");
            Optional<String> dbl = text(v, "double_bit", "total");
            put(row, "ecc.errors.corrected.volatile.total", single.isPresent() ? single
                    : sum(text(v, "sram_correctable"), text(v, "dram_correctable")));
            put(row, "ecc.errors.uncorrected.volatile.total", dbl.isPresent() ? dbl
                    : sum(sum(text(v, "sram_uncorrectable"), text(v, "sram_uncorrectable_parity")),
                            sum(text(v, "sram_uncorrectable_secded"), text(v, "dram_uncorrectable"))));
        });
    }

    private static Optional<String> sum(Optional<String> a, Optional<String> b) {
        double x = NvsmiValues.number(a.orElse(null));
        double y = NvsmiValues.number(b.orElse(null));
        if (Double.isNaN(x) && Double.isNaN(y)) {
            return Optional.empty();
        }
        return Optional.of(Long.toString((long) ((Double.isNaN(x) ? 0 : x) + (Double.isNaN(y) ? 0 : y))));
    }

    private static void reasons(Element gpu, String section, String prefix, Map<String, String> row) {
        String key = section.equals("clocks_event_reasons") ? "clocks_event_reasons." : "clocks_throttle_reasons.";
        child(gpu, section).ifPresent(s -> {
            for (Node n = s.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().startsWith(prefix)) {
                    row.put(key + e.getTagName().substring(prefix.length()), e.getTextContent().strip());
                }
            }
        });
    }

    /** The first of the values that is really there (not absent, not "N/A", not "[Not Supported]"). */
    @SafeVarargs
    private static Optional<String> present(Optional<String>... chain) {
        for (Optional<String> v : chain) {
            if (v.isPresent() && !NvsmiValues.isAbsent(v.get())) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static void put(Map<String, String> row, String key, Optional<String> value) {
        value.ifPresent(v -> row.put(key, v));
    }

    private static void put(Map<String, String> row, String key, String value) {
        if (value != null && !value.isEmpty()) {
            row.put(key, value);
        }
    }

    /** The text of the element at {@code path} below {@code from} (direct children only), if there is one. */
    private static Optional<String> text(Element from, String... path) {
        Optional<Element> e = Optional.of(from);
        for (String step : path) {
            e = e.flatMap(x -> child(x, step));
        }
        return e.map(x -> x.getTextContent().strip());
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            f.setValidating(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws on fatal errors, prints nothing
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no usable XML parser: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }
}
