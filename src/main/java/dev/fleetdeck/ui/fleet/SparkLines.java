package dev.fleetdeck.ui.fleet;

import dev.fleetdeck.service.history.HistoryReader;
import dev.fleetdeck.ui.common.Offload;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TableColumn;
import javafx.scene.control.skin.VirtualFlow;

import java.time.Instant;
import java.util.List;

/**
 * The fleet table's sparkline column: per node row, one small chart per GPU of its utilisation and temperature over
 * the last five minutes (nvitop-like small multiples, one canvas per visible row). The rows on screen are read from
 * the history on the view worker after every new set of rows and every scroll; the cells draw when the data for
 * their row arrives. FX thread, except {@link Sparks#read}.
 */
final class SparkLines {
    /** Rows read beyond those on screen, so a short scroll has its lines at once. */
    static final int MARGIN = 12;

    private final ObjectProperty<Sparks> sparks = new SimpleObjectProperty<>(Sparks.NONE);
    private final Offload.Channel<Sparks> channel;
    private HistoryReader history = HistoryReader.NONE;
    private Instant now = Instant.EPOCH;

    SparkLines(Offload offload) {
        channel = offload.channel(sparks::set);
    }

    /** The column: not sortable, its cells drawn from {@link #sparks()}. */
    TableColumn<FleetTableView.Slot, FleetRow> column() {
        TableColumn<FleetTableView.Slot, FleetRow> c = new TableColumn<>("Util · temp, 5 min");
        c.setId("col-sparklines");
        c.setCellValueFactory(f -> f.getValue().rowProperty());
        c.setCellFactory(col -> new SparkCell(sparks));
        c.setPrefWidth(220);
        dev.fleetdeck.ui.common.Columns.fitTitle(c);
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    /** The past the next reads come from: the frame's history, up to its snapshot's time. */
    void setPast(HistoryReader past, Instant at) {
        history = past;
        now = at;
    }

    /** Reads the sparklines of these rows on the worker (the latest request wins). */
    void request(List<FleetRow> rows) {
        HistoryReader h = history;
        Instant at = now;
        List<FleetRow> copy = List.copyOf(rows);
        channel.request(() -> Sparks.read(h, copy, at));
    }

    /** Asks for the sparklines of the rows on screen in {@code flow} (and a few around them). */
    void requestVisible(VirtualFlow<?> flow, List<FleetTableView.Slot> items) {
        int from = 0;
        int to = Math.min(items.size(), 60);
        if (flow != null && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null) {
            from = Math.max(0, flow.getFirstVisibleCell().getIndex() - MARGIN);
            to = Math.min(items.size(), flow.getLastVisibleCell().getIndex() + 1 + MARGIN);
        }
        List<FleetRow> rows = new java.util.ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            rows.add(items.get(i).row());
        }
        request(rows);
    }

    ReadOnlyObjectProperty<Sparks> sparks() {
        return sparks;
    }
}
