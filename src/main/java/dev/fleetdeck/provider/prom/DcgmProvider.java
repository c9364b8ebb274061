package dev.fleetdeck.provider.prom;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.FanOut;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.SourceLimits;
import dev.fleetdeck.provider.http.HttpBody;
import dev.fleetdeck.provider.http.HttpFetcher;
import dev.fleetdeck.provider.input.BoundedFile;
import dev.fleetdeck.provider.prom.dcgm.DcgmCollector;
import dev.fleetdeck.provider.prom.dcgm.LabelMapping;
import dev.fleetdeck.provider.prom.expo.ExpositionParser;
import dev.fleetdeck.provider.prom.expo.ParseException;
import dev.fleetdeck.provider.prom.expo.ParseProblems;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code type: dcgm}: scrapes dcgm-exporter {@code /metrics} endpoints directly (or reads saved scrapes from files),
 * many at once within the provider's concurrency, and turns the series into nodes and GPUs. One dead target is a
 * down target (its nodes, if seen before, show as unreachable), not a failed provider; only when every target fails
 * does the poll fail.
 *
 * <p>Threads: {@link #poll()} on the polling thread; scrapes on virtual threads {@code fleetdeck-dcgm-N} owned here.
 */
public final class DcgmProvider implements FleetProvider {
    private final String name;
    private final ScrapeTargets targets;
    private final HttpFetcher http;
    private final LabelMapping mapping;
    private final long maxBytes;
    private final Clock clock;
    private final ExecutorService scrapes = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("fleetdeck-dcgm-", 0).factory());
    private final Map<String, Integer> inventory = new ConcurrentHashMap<>();
    private final Map<String, List<Node>> lastNodes = new ConcurrentHashMap<>();

    DcgmProvider(String name, ScrapeTargets targets, HttpFetcher http, LabelMapping mapping, long maxBytes,
                 Clock clock) {
        this.name = name;
        this.targets = targets;
        this.http = http;
        this.mapping = mapping;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return DcgmProviderFactory.TYPE;
    }

    @Override
    public SourceLimits limits() {
        return http.limits();
    }

    @Override
    public List<String> notices() {
        return http.notices();
    }

    private record Scrape(ScrapeTarget target, List<Node> nodes, String error, List<String> warnings) {
        Scrape(ScrapeTarget target, List<Node> nodes, String error) {
            this(target, nodes, error, List.of());
        }
    }

    @Override
    public ProviderSnapshot poll() throws ProviderException, InterruptedException {
        List<ScrapeTarget> list = targets.current();
        if (list.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.CONFIG, name, "no targets to scrape");
        }
        List<Scrape> results = FanOut.run(name, scrapes, list, this::scrape);
        List<Node> nodes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int down = 0;
        String firstError = null;
        for (Scrape s : results) {
            warnings.addAll(s.warnings());
            if (s.error() == null) {
                nodes.addAll(s.nodes());
                lastNodes.put(s.target().name(), s.nodes());
            } else {
                down++;
                firstError = firstError == null ? s.error() : firstError;
                warnings.add("target down: " + s.error());
                nodes.addAll(unreachable(s.target(), s.error()));
            }
        }
        if (down == list.size()) {
            throw new ProviderException(ProviderException.Kind.UNREACHABLE, name, (list.size() == 1 ? ""
                    : "all " + list.size() + " targets down; first: ") + firstError);
        }
        return new ProviderSnapshot(name, clock.instant(), nodes, warnings);
    }

    private Scrape scrape(ScrapeTarget t) throws InterruptedException {
        try {
            byte[] body;
            String contentType = null;
            if (t.file().isPresent()) {
                body = BoundedFile.read(t.file().get(), maxBytes, "saved scrape");
            } else {
                HttpBody b = http.redact(http.get(t.uri().orElseThrow(), HttpFetcher.Expect.TEXT));
                body = b.bytes();
                contentType = b.contentType().orElse(null);
            }
            DcgmCollector collector = new DcgmCollector(mapping, t.host(), t.labels());
            ParseProblems problems = new ParseProblems();
            long parsed = ExpositionParser.forContentType(contentType).parse(body, body.length, t.name(), collector,
                    problems);
            List<String> warnings = new ArrayList<>();
            if (problems.count() > 0) {
                // One malformed line fails that line only: the target and its other series still count.
                ParseException first = problems.examples().getFirst();
                warnings.add(t.name() + ": " + problems.count() + " malformed line" + (problems.count() == 1 ? ""
                        : "s") + " skipped (" + parsed + (parsed == 1 ? " sample" : " samples") + " read); first: line " + first.line() + ": "
                        + first.getMessage().substring(first.getMessage().indexOf(": line ") + 7 + String.valueOf(
                        first.line()).length() + 2));
                if (parsed == 0) {
                    return new Scrape(t, List.of(), "malformed exposition: " + first.getMessage(), warnings);
                }
            }
            return new Scrape(t, collector.nodes(name, inventory), null, warnings);
        } catch (ProviderException e) {
            return new Scrape(t, List.of(), e.getMessage().substring(e.source().length() + 2));
        } catch (ParseException e) {
            return new Scrape(t, List.of(), "malformed exposition: " + e.getMessage());
        } catch (BoundedFile.Refused e) {
            return new Scrape(t, List.of(), e.getMessage() + " (max-response-size applies to files too)");
        }
    }

    /** The nodes last seen behind a dead target, marked unreachable, so they are not silently dropped. */
    private List<Node> unreachable(ScrapeTarget t, String error) {
        List<Node> out = new ArrayList<>();
        for (Node n : lastNodes.getOrDefault(t.name(), List.of())) {
            out.add(new Node(n.hostname(), n.provider(), n.region(), n.gpuModel(), NodeState.UNREACHABLE,
                    n.tenant(), n.pricePerGpuHour(), n.driverVersion(), n.cudaVersion(), n.expectedGpus(), List.of(),
                    Health.UNKNOWN, List.of(new HealthReason(Health.UNKNOWN, "target-down", error))));
        }
        return out;
    }

    @Override
    public void close() {
        scrapes.shutdownNow();
        http.close();
    }
}
