package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.assembly.ProviderView;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.history.FleetHistory;
import dev.fleetdeck.service.history.FleetSeries;
import dev.fleetdeck.service.history.GpuHistory;
import dev.fleetdeck.service.history.History;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.ui.render.PngWriter;
import dev.fleetdeck.ui.theme.Stylesheets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The showroom: customer-safe pages, rotation, keys, the exit PIN, and freshness (TestFX, headless). */
@ExtendWith(ApplicationExtension.class)
class ShowroomViewTest {
    /** Identifiers planted in the fleet that must never reach the showroom. */
    private static final List<String> SECRETS = List.of("node-SECRET-7", "10.20.30.40", "Globex-SECRET",
            "int-prov-SECRET", "backup-prov-SECRET", "GPU-SECRET-UUID", "tenant-of-");
    private static final Instant NOW = TestFleet.NOW;

    private final AtomicInteger exits = new AtomicInteger();
    private final FleetHistory history = new FleetHistory();
    private ShowroomView view;
    private Pane holder;

    private FleetFrame frame(FleetSnapshot snap) {
        return FleetFrame.of(snap).withHistory(new History(history, new GpuHistory()));
    }

    @Start
    void start(Stage stage) {
        ShowroomSettings s = new ShowroomSettings("Acme Cloud · live capacity", Optional.empty(), "#ff7b72", "€", 0.92,
                List.of(), List.of(), Duration.ofMillis(300), Optional.of("2468"));
        view = new ShowroomView(s, Clock.fixed(NOW.plusSeconds(3), ZoneOffset.UTC), exits::incrementAndGet);
        holder = new Pane(view.node());
        Scene scene = new Scene(holder, 960, 540);
        scene.getStylesheets().add(Stylesheets.dark());
        stage.setScene(scene);
        stage.show();
    }

    private static Node planted(String host, String provider, String model, NodeState state, String tenant) {
        List<Gpu> gpus = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Gpu g = TestFleet.gpu(i, model, 60, 55, 500);
            gpus.add(new Gpu(i, "GPU-SECRET-UUID-" + host + "-" + i, model, g.utilizationPct(), g.memoryUsedMiB(),
                    g.memoryTotalMiB(), g.temperatureC(), g.memoryTemperatureC(), g.powerW(), g.powerLimitW(),
                    g.smClockMHz(), 0, 0, 0, java.util.Set.of(), "", Health.UNKNOWN, List.of()));
        }
        return new Node(host, provider, "us-east-1", model, state, Optional.ofNullable(tenant), 2.49, "580", "13",
                8, gpus, Health.UNKNOWN, List.of());
    }

    private static FleetSnapshot fleet(ProviderState secondState) {
        var a = TestFleet.ok("int-prov-SECRET", NOW, List.of(
                planted("node-SECRET-7", "int-prov-SECRET", "H100", NodeState.RENTED, "Globex-SECRET"),
                planted("10.20.30.40", "int-prov-SECRET", "H100", NodeState.AVAILABLE, null),
                planted("gpu-b1", "int-prov-SECRET", "B200", NodeState.AVAILABLE, null)));
        List<Node> other = List.of(planted("gpu-c1", "backup-prov-SECRET", "H200", NodeState.AVAILABLE, null));
        ProviderView b = secondState == ProviderState.OK ? TestFleet.ok("backup-prov-SECRET", NOW, other)
                : TestFleet.failing("backup-prov-SECRET", secondState, NOW.minusSeconds(600), other);
        return new FleetAssembler(HealthRules.defaults(), Duration.ofHours(1)).assemble(1, NOW, List.of(a, b));
    }

    private void fillHistory() {
        for (int m = 0; m < 24 * 60; m += 1) {
            Instant t = NOW.minus(Duration.ofMinutes(24 * 60 - m));
            double h100 = m % 300 < 20 ? 0 : 8 + 4 * Math.sin(m / 90.0);
            history.record(t, Map.of(FleetSeries.FREE + "H100", h100, FleetSeries.FREE + "B200", 8.0,
                    FleetSeries.FREE + "H200", 8.0, FleetSeries.UTILIZATION_PCT, 40 + 20 * Math.sin(m / 40.0)));
        }
    }

    @Test
    void noIdentifierReachesAnyPageAtAnySize(FxRobot robot) throws Exception {
        fillHistory();
        FleetSnapshot snap = fleet(ProviderState.STALE);
        robot.interact(() -> view.show(frame(snap)));
        List<String> all = new ArrayList<>();
        Path out = Path.of("target", "ui-snapshots");
        Files.createDirectories(out);
        for (int page = 0; page < view.pageCount(); page++) {
            int p = page;
            robot.interact(() -> view.show(p));
            for (int[] size : new int[][] {{1920, 1080}, {3840, 2160}}) {
                robot.interact(() -> {
                    view.node().resize(size[0], size[1]);
                    view.node().layout();
                    try {
                        PngWriter.write(view.node().snapshot(new SnapshotParameters(), null),
                                out.resolve("showroom-" + (p + 1) + "-" + size[0] + "x" + size[1] + ".png"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            List<String> texts = new ArrayList<>();
            robot.interact(() -> collect(view.node(), texts));
            assertThat(texts).as("texts on page " + (p + 1)).isNotEmpty();
            all.addAll(texts);
            for (String t : texts) {
                for (String secret : SECRETS) {
                    assertFalse(t.contains(secret), "page " + (p + 1) + " shows '" + secret + "' in: " + t);
                }
            }
        }
        assertThat(String.join("\n", all)).contains("H100").contains("€2.29 per GPU-hour").contains("us-east-1")
                .contains("source 1").contains("source 2");
    }

    /** Every text a person (or a screen reader) could get from the scene graph. */
    private static void collect(javafx.scene.Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof TextInputControl t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n.getAccessibleText() != null) {
            out.add(n.getAccessibleText());
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            out.add(c.getTooltip().getText());
        }
        Object tip = n.getProperties().get("javafx.scene.control.Tooltip");
        if (tip instanceof Tooltip t) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    @Test
    void pagesRotateOnTheTimerAndWithTheArrowKeys(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(frame(fleet(ProviderState.OK))));
        robot.interact(() -> view.start());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (view.currentPage() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(view.currentPage()).as("rotated by the 300 ms timer").isNotZero();
        robot.interact(() -> {
            view.dispose();
            view.show(1);
            key(KeyCode.RIGHT, false);
        });
        assertEquals(2, view.currentPage());
        robot.interact(() -> key(KeyCode.LEFT, false));
        robot.interact(() -> key(KeyCode.LEFT, false));
        assertEquals(0, view.currentPage());
        robot.interact(() -> key(KeyCode.LEFT, false));
        assertEquals(3, view.currentPage(), "wraps around");
    }

    @Test
    void leavingTakesTheShortcutAndThePin(FxRobot robot) {
        robot.interact(() -> key(KeyCode.ESCAPE, false));
        assertEquals(0, exits.get(), "Escape does not leave");
        robot.interact(() -> key(KeyCode.Q, true));
        assertTrue(view.pinShown());
        PasswordField pin = robot.lookup("#sr-pin").queryAs(PasswordField.class);
        robot.interact(() -> {
            pin.setText("1111");
            pin.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(0, exits.get());
        assertTrue(view.pinShown(), "a wrong PIN keeps the showroom");
        robot.interact(() -> {
            pin.setText("2468");
            pin.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(1, exits.get());
        assertFalse(view.pinShown());
    }

    @Test
    void freshnessSaysLiveAndTurnsStaleWhenASourceStops(FxRobot robot) {
        robot.interact(() -> view.show(frame(fleet(ProviderState.OK))));
        assertEquals("● live · updated 3 s ago  ·  source 1 live  ·  source 2 live", view.freshnessText());
        robot.interact(() -> view.show(frame(fleet(ProviderState.STALE))));
        assertEquals("▲ not live · updated 3 s ago  ·  source 1 live  ·  source 2 stale, data 10 min old",
                view.freshnessText());
    }

    private void key(KeyCode code, boolean shortcut) {
        view.node().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shortcut, shortcut, false, false));
    }
}
