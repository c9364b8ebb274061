package dev.fleetdeck.ui.heatmap;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.ui.common.Columns;
import dev.fleetdeck.ui.common.FleetView;
import dev.fleetdeck.ui.common.HeaderBar;
import dev.fleetdeck.ui.common.NodeKey;
import dev.fleetdeck.ui.common.Offload;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.theme.Palette;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import dev.fleetdeck.ui.common.ToolBars;
import javafx.scene.layout.Region;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Every GPU of the fleet as one cell, grouped by region and node, coloured by a chosen metric. The cells are one
 * image: laid out and painted on the view worker ({@link HeatmapLayout}, {@link HeatmapRaster}); the FX thread
 * copies the pixels in and places a label per region. Hover names the GPU under the pointer; a click opens its node.
 * FX thread only.
 */
public final class HeatmapView implements FleetView {
    private final BorderPane root = new BorderPane();
    private final Label status = new Label("waiting for the first poll");
    private final ToggleGroup metrics = new ToggleGroup();
    private final ChoiceBox<HeatmapPalette> palettes = new ChoiceBox<>();
    private final HeatmapLegend legend = new HeatmapLegend();
    private final ImageView image = new ImageView();
    private final Pane bandLayer = new Pane();
    private final Label hover = new Label();
    private final Pane canvas = new Pane();
    private final ScrollPane scroll = new ScrollPane(canvas);
    private final Offload.Channel<HeatmapRaster.Frame> channel;
    private HeatmapMetric metric = HeatmapMetric.UTILIZATION;
    private HeatmapPalette palette = HeatmapPalette.VIRIDIS;
    private double zoom = 1;
    private FleetSnapshot snapshot;
    private HeatmapRaster.Frame frame;
    private WritableImage pixels;
    private List<HeatmapLayout.Band> bandsShown = List.of();
    private BiConsumer<String, Integer> onOpen = (k, g) -> { };
    private int viewWidth;
    private int viewHeight;

    public HeatmapView(Offload offload) {
        channel = offload.channel(this::apply);
        root.getStyleClass().add("heatmap-view");
        status.setId("heatmap-status");
        root.setTop(new VBox(HeaderBar.of("Heatmap", status), toolbar()));
        image.setSmooth(false);
        hover.setId("heatmap-hover");
        hover.getStyleClass().add("heatmap-hover");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        bandLayer.setMouseTransparent(true);
        canvas.getChildren().addAll(image, bandLayer, hover);
        canvas.getStyleClass().add("heatmap-canvas");
        canvas.setOnMouseMoved(this::hovered);
        canvas.setOnMouseExited(e -> hover.setVisible(false));
        canvas.setOnMouseClicked(this::clicked);
        scroll.setId("heatmap-scroll");
        scroll.getStyleClass().add("heatmap-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> viewportChanged(b));
        root.setCenter(scroll);
        legend.show(metric, palette);
    }

    private BorderPane toolbar() {
        FlowPane bar = ToolBars.wrapping();
        bar.getStyleClass().remove("filter-bar");
        Label colour = new Label("Colour by");
        colour.getStyleClass().add("toolbar-label");
        ToolBars.add(bar, colour);
        for (HeatmapMetric m : HeatmapMetric.values()) {
            ToggleButton b = new ToggleButton(m.label());
            b.setId("heatmap-metric-" + m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.setUserData(m);
            b.setToggleGroup(metrics);
            b.setSelected(m == metric);
            b.getStyleClass().add("metric-toggle");
            ToolBars.add(bar, b);
        }
        metrics.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one metric is always chosen
                return;
            }
            setMetric((HeatmapMetric) b.getUserData());
        });
        palettes.getItems().setAll(HeatmapPalette.values());
        palettes.setValue(palette);
        palettes.setId("heatmap-palette");
        palettes.setConverter(Columns.toText(HeatmapPalette::label));
        palettes.valueProperty().addListener((o, a, b) -> {
            palette = b;
            legend.show(metric, palette);
            recompute();
        });
        Button out = zoomButton("−", "heatmap-zoom-out", () -> zoom = Math.max(0.5, zoom / 1.5));
        Button fit = zoomButton("Fit", "heatmap-zoom-fit", () -> zoom = 1);
        Button in = zoomButton("+", "heatmap-zoom-in", () -> zoom = Math.min(16, zoom * 1.5));
        for (javafx.scene.Node n : List.of(palettes, out, fit, in)) {
            ToolBars.add(bar, n);
        }
        // The legend keeps its width on the right; the controls wrap beside it.
        legend.node().setMinWidth(Region.USE_PREF_SIZE);
        BorderPane row = new BorderPane(bar);
        row.setRight(legend.node());
        BorderPane.setAlignment(legend.node(), Pos.CENTER_RIGHT);
        row.getStyleClass().add("filter-bar");
        return row;
    }

    private Button zoomButton(String text, String id, Runnable change) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            change.run();
            recompute();
        });
        return b;
    }

    /** Colours the cells by another metric. */
    public void setMetric(HeatmapMetric m) {
        metric = m;
        for (var t : metrics.getToggles()) {
            if (t.getUserData() == m && !t.isSelected()) {
                t.setSelected(true);
            }
        }
        legend.show(metric, palette);
        recompute();
    }

    public void setOnOpen(BiConsumer<String, Integer> action) {
        onOpen = action;
    }

    @Override
    public ViewId id() {
        return ViewId.HEATMAP;
    }

    /** Shows a frame's snapshot. FX thread. */
    @Override
    public void show(FleetFrame frame) {
        update(frame.snapshot());
    }

    public void update(FleetSnapshot snap) {
        snapshot = snap;
        recompute();
    }

    /** Repaints with the theme now in use. */
    public void applyTheme() {
        recompute();
    }

    private void viewportChanged(Bounds b) {
        int w = (int) Math.floor(b.getWidth());
        int h = (int) Math.floor(b.getHeight());
        if (w > 0 && h > 0 && (w != viewWidth || h != viewHeight)) {
            viewWidth = w;
            viewHeight = h;
            recompute();
        }
    }

    private void recompute() {
        FleetSnapshot snap = snapshot;
        if (snap == null) {
            return;
        }
        int w = viewWidth > 0 ? viewWidth : 1600;
        int h = viewHeight > 0 ? viewHeight : 800;
        HeatmapMetric m = metric;
        HeatmapPalette p = palette;
        double z = zoom;
        int background = Palette.theme().backgroundArgb();
        channel.request(() -> HeatmapRaster.paint(snap.sequence(), HeatmapLayout.of(snap.nodes(), w, h, z), m, p,
                background));
    }

    private void apply(HeatmapRaster.Frame f) {
        HeatmapLayout layout = f.layout();
        int w = layout.width();
        int h = layout.height();
        if (pixels == null || (int) pixels.getWidth() != w || (int) pixels.getHeight() != h) {
            pixels = new WritableImage(w, h);
            image.setImage(pixels);
        }
        pixels.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), f.pixels(), 0, w);
        canvas.setPrefSize(w, h);
        canvas.setMinHeight(h);
        if (!layout.bands().equals(bandsShown)) {
            bandsShown = layout.bands();
            List<Label> labels = new ArrayList<>();
            for (HeatmapLayout.Band band : bandsShown) {
                Label l = new Label(band.region() + "  ·  " + Units.count(band.nodes()) + " nodes · "
                        + Units.gpus(band.gpus()));
                l.getStyleClass().add("heatmap-band");
                l.relocate(HeatmapLayout.PAD, band.y() + 2);
                labels.add(l);
            }
            bandLayer.getChildren().setAll(labels);
        }
        frame = f;
        status.setText(Units.gpus(snapshot == null ? 0 : snapshot.gpuCount()) + " · " + Units.count(layout.nodes().size())
                + " nodes · " + layout.pitch() + " px per GPU" + (zoom == 1 ? " (fit all)" : ""));
    }

    private void hovered(MouseEvent e) {
        HeatmapLayout.Hit hit = frame == null ? null : frame.layout().cellAt(e.getX(), e.getY());
        if (hit == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(describe(hit));
        hover.autosize();
        double x = e.getX() + 16;
        double y = e.getY() + 16;
        Bounds view = scroll.getViewportBounds();
        double visibleBottom = -view.getMinY() + view.getHeight();
        if (x + hover.getWidth() > canvas.getWidth()) {
            x = e.getX() - hover.getWidth() - 8;
        }
        if (y + hover.getHeight() > visibleBottom) {
            y = e.getY() - hover.getHeight() - 8;
        }
        hover.relocate(Math.max(0, x), Math.max(0, y));
        hover.setVisible(true);
    }

    /** The hover text for a GPU slot: node, GPU, value with unit, model, state, data age. */
    String describe(HeatmapLayout.Hit hit) {
        Node node = hit.node();
        StringBuilder s = new StringBuilder();
        s.append(node.hostname()).append(" · GPU ").append(hit.gpuIndex()).append('\n');
        if (hit.gpu() == null) {
            s.append("not reported (").append(node.state().label()).append(")\n");
        } else {
            s.append(metric.label()).append(": ").append(metric.text(node, hit.gpu())).append('\n');
        }
        s.append(node.gpuModel()).append(" · ").append(node.region()).append(" · ").append(node.provider())
                .append(" · ").append(node.state().label());
        node.tenant().ifPresent(t -> s.append(" · ").append(t));
        s.append("\ndata age: ").append(age(node.provider()));
        return s.toString();
    }

    private String age(String provider) {
        if (snapshot == null) {
            return Units.ABSENT;
        }
        for (ProviderStatus p : snapshot.providers()) {
            if (p.name().equals(provider)) {
                Instant now = snapshot.takenAt();
                return p.dataAge(now).map(Units::age).orElse("no data");
            }
        }
        return Units.ABSENT;
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || frame == null) {
            return;
        }
        HeatmapLayout.Hit hit = frame.layout().cellAt(e.getX(), e.getY());
        if (hit != null) {
            onOpen.accept(NodeKey.of(hit.node().provider(), hit.node().hostname()),
                    hit.gpuIndex());
        }
    }

    @Override
    public BorderPane node() {
        return root;
    }

    /** The frame on screen (tests, benchmark). */
    public HeatmapRaster.Frame frame() {
        return frame;
    }

    /** The image on screen (pixel tests). */
    public WritableImage image() {
        return pixels;
    }

    /** The cell area, in whose coordinates layouts are (tests click it). */
    public Pane canvas() {
        return canvas;
    }

    public Label hoverLabel() {
        return hover;
    }

}
