package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.model.Units;
import dev.fleetdeck.ui.common.chart.TimeChart;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;

/** "The last 24 hours": free GPUs per model through the day, with the moments a model was sold out in red. */
final class DayPage implements ShowroomPage {
    private record Row(Label model, TimeChart trend, Label now, Label stockOuts) {
    }

    private final StackPane root = new StackPane();
    private final Color accent;
    private List<String> shown = List.of();
    private final List<Row> rows = new ArrayList<>();

    DayPage(Color accent) {
        this.accent = accent;
        root.getStyleClass().add("sr-page");
    }

    @Override
    public String title() {
        return "Free GPUs over the last 24 hours";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(ShowroomFigures f) {
        List<String> models = f.day().stream().map(ShowroomFigures.DayTrend::model).toList();
        if (!models.equals(shown)) {
            rebuild(models);
        }
        for (int i = 0; i < rows.size(); i++) {
            ShowroomFigures.DayTrend d = f.day().get(i);
            Row r = rows.get(i);
            r.model().setText(d.model());
            ShowroomTrends.show(r.trend(), d.free());
            r.now().setText(Units.count(f.models().get(i).free()) + " free now");
            int outs = ShowroomTrends.zeroMinimums(d.free());
            long minutes = java.util.Arrays.stream(d.free().values()).filter(v -> !Double.isNaN(v)).count();
            r.stockOuts().setText(minutes < 2 ? "gathering data" : outs == 0 ? "never sold out"
                    : "sold out " + Units.count(outs) + " min");
            r.stockOuts().getStyleClass().setAll("label", "sr-row-note", minutes < 2 ? "sr-none"
                    : outs == 0 ? "sr-ok" : "sr-crit");
        }
    }

    private void rebuild(List<String> models) {
        rows.clear();
        GridPane grid = new GridPane();
        grid.getStyleClass().add("sr-day-grid");
        double[] widths = {14, 58, 14, 14};
        for (double w : widths) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(w);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        for (int i = 0; i < models.size(); i++) {
            Row r = new Row(Cards.label("sr-row-model"), ShowroomTrends.chart(true, Double.NaN, accent),
                    Cards.label("sr-row-now"), Cards.label("sr-row-note"));
            r.now().setAlignment(Pos.CENTER_RIGHT);
            r.now().setMaxWidth(Double.MAX_VALUE);
            r.stockOuts().setAlignment(Pos.CENTER_RIGHT);
            r.stockOuts().setMaxWidth(Double.MAX_VALUE);
            r.trend().setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            grid.addRow(i, r.model(), r.trend(), r.now(), r.stockOuts());
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / models.size());
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
            rows.add(r);
        }
        root.getChildren().setAll(grid);
        shown = models;
    }
}
