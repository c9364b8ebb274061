package dev.fleetdeck.ui.detail;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.ui.theme.HealthSymbols;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart with horizontal threshold lines in the plot (a model's temperature limits, the power limit), dashed in
 * their health colour and labelled with their value, outside the legend; and vertical event markers (an XID, a
 * state change, an alert) at their time, in their severity's colour, with the event on hover. FX thread.
 */
final class ThresholdLineChart extends LineChart<Number, Number> {
    /** One limit: its value, its health colour and its label ("warn 85 °C"). */
    record Threshold(double value, Health health, String label) {
    }

    /** One event: its time (epoch seconds, the x axis' unit), its severity, a short label and the whole message. */
    record Marker(double epochSecond, Health health, String label, String message) {
    }

    private final List<Marker> markers = new ArrayList<>();
    private final List<Line> markerLines = new ArrayList<>();
    private final List<Text> markerLabels = new ArrayList<>();
    private final List<Threshold> thresholds = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Text> labels = new ArrayList<>();

    ThresholdLineChart(NumberAxis x, NumberAxis y) {
        super(x, y);
    }

    /** Replaces the limits drawn (same list: nothing changes). */
    void setThresholds(List<Threshold> next) {
        if (next.equals(thresholds)) {
            return;
        }
        getPlotChildren().removeAll(lines);
        getPlotChildren().removeAll(labels);
        lines.clear();
        labels.clear();
        thresholds.clear();
        thresholds.addAll(next);
        for (Threshold t : next) {
            Line line = new Line();
            line.getStyleClass().addAll("threshold-line", HealthSymbols.styleClass(t.health()));
            line.setManaged(false);
            Text label = new Text(t.label());
            label.getStyleClass().addAll("threshold-label", HealthSymbols.styleClass(t.health()));
            label.setManaged(false);
            lines.add(line);
            labels.add(label);
        }
        getPlotChildren().addAll(lines);
        getPlotChildren().addAll(labels);
        requestChartLayout();
    }

    /** Replaces the event markers (same list: nothing changes). */
    void setMarkers(List<Marker> next) {
        if (next.equals(markers)) {
            return;
        }
        getPlotChildren().removeAll(markerLines);
        getPlotChildren().removeAll(markerLabels);
        markerLines.clear();
        markerLabels.clear();
        markers.clear();
        markers.addAll(next);
        for (Marker m : next) {
            Line line = new Line();
            line.getStyleClass().addAll("event-marker", HealthSymbols.styleClass(m.health()));
            line.setManaged(false);
            javafx.scene.control.Tooltip.install(line, new javafx.scene.control.Tooltip(m.message()));
            Text label = new Text(m.label());
            label.getStyleClass().addAll("threshold-label", HealthSymbols.styleClass(m.health()));
            label.setManaged(false);
            markerLines.add(line);
            markerLabels.add(label);
        }
        getPlotChildren().addAll(markerLines);
        getPlotChildren().addAll(markerLabels);
        requestChartLayout();
    }

    List<Marker> markers() {
        return List.copyOf(markers);
    }

    List<Threshold> thresholds() {
        return List.copyOf(thresholds);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis y = (NumberAxis) getYAxis();
        double width = getXAxis().getWidth();
        for (int i = 0; i < thresholds.size(); i++) {
            double at = y.getDisplayPosition(thresholds.get(i).value());
            boolean inside = at >= 0 && at <= y.getHeight();
            Line line = lines.get(i);
            line.setVisible(inside);
            line.setStartX(0);
            line.setEndX(width);
            line.setStartY(Math.round(at) + 0.5);
            line.setEndY(Math.round(at) + 0.5);
            Text label = labels.get(i);
            label.setVisible(inside);
            label.setX(4);
            // Above its line, or below it when the line runs along the top of the plot.
            label.setY(at < 14 ? at + 12 : at - 3);
            line.toFront();
            label.toFront();
        }
        NumberAxis x = (NumberAxis) getXAxis();
        double height = y.getHeight();
        for (int i = 0; i < markers.size(); i++) {
            double at = x.getDisplayPosition(markers.get(i).epochSecond());
            boolean inside = markers.get(i).epochSecond() >= x.getLowerBound()
                    && markers.get(i).epochSecond() <= x.getUpperBound();
            Line line = markerLines.get(i);
            line.setVisible(inside);
            line.setStartX(Math.round(at) + 0.5);
            line.setEndX(Math.round(at) + 0.5);
            line.setStartY(0);
            line.setEndY(height);
            Text label = markerLabels.get(i);
            label.setVisible(inside && i < 6);
            // Beside its line, inside the plot: left of the line when it is near the right edge.
            double w = label.getLayoutBounds().getWidth();
            label.setX(at + 3 + w > width ? at - 3 - w : at + 3);
            label.setY(12 + 12 * (i % 3));
            line.toFront();
            label.toFront();
        }
    }
}
