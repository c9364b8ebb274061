package dev.fleetdeck.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.Map;

/**
 * Widths set in code in pixels at type scale 1 (table columns, fixed row heights of tables and lists, and regions
 * marked with {@link #mark}) made to follow
 * the type scale, so a column fitted to its title at 14 px still fits it at 28 px on a wall screen. The width first
 * seen is the base at scale 1; a width set again later (a column dragged) is taken at the scale in use then. FX thread.
 */
public final class ScaledWidths {
    private static final String MARK = "fleetdeck.scaled-widths";
    private static final String BASE = "fleetdeck.base-widths";
    private static final String APPLIED = "fleetdeck.applied-widths";
    private static final String SCALE = "fleetdeck.applied-scale";

    private ScaledWidths() {
    }

    /** Marks a region whose min, pref and max widths (where set) follow the type scale. */
    public static <R extends Region> R mark(R region) {
        region.getProperties().put(MARK, Boolean.TRUE);
        return region;
    }

    /**
     * Scales every table column, fixed row height and marked region under {@code root} to {@code scale}. The walk
     * does not go into controls' skins (only into the content of scroll and split panes), so it is cheap enough to
     * run on every frame of the view on screen, which catches content a view swapped in since.
     */
    public static void apply(Node root, double scale) {
        if (root.hasProperties() && root.getProperties().containsKey(MARK) && root instanceof Region r) {
            double[] w = scaled(r.getProperties(), new double[] {r.getMinWidth(), r.getPrefWidth(), r.getMaxWidth()},
                    scale);
            r.setMinWidth(w[0]);
            r.setPrefWidth(w[1]);
            r.setMaxWidth(w[2]);
        }
        switch (root) {
            case TableView<?> t -> {
                columns(t.getColumns(), scale);
                t.setFixedCellSize(rowHeight(t.getProperties(), t.getFixedCellSize(), scale));
            }
            case TreeTableView<?> t -> {
                columns(t.getColumns(), scale);
                t.setFixedCellSize(rowHeight(t.getProperties(), t.getFixedCellSize(), scale));
            }
            case ListView<?> l -> l.setFixedCellSize(rowHeight(l.getProperties(), l.getFixedCellSize(), scale));
            case ScrollPane sp -> {
                if (sp.getContent() != null) {
                    apply(sp.getContent(), scale);
                }
            }
            case SplitPane sp -> sp.getItems().forEach(n -> apply(n, scale));
            case Control c -> {
                // a control's skin sizes itself from its font
            }
            case Parent p -> p.getChildrenUnmodifiable().forEach(n -> apply(n, scale));
            default -> {
            }
        }
    }

    private static void columns(List<? extends TableColumnBase<?, ?>> columns, double scale) {
        for (TableColumnBase<?, ?> c : columns) {
            double[] w = scaled(c.getProperties(), new double[] {c.getMinWidth(), c.getPrefWidth(), c.getMaxWidth()},
                    scale);
            c.setMinWidth(w[0]);
            c.setPrefWidth(w[1]);
            if (c.getMaxWidth() < 5000) {
                c.setMaxWidth(w[2]);
            }
            columns(c.getColumns(), scale);
        }
    }

    private static double scaleOf(Map<Object, Object> props, String kind) {
        Object s = props.get(SCALE + kind);
        return s instanceof Double d && d > 0 ? d : 1;
    }

    /** A fixed row height for this scale (none stays none). */
    private static double rowHeight(Map<Object, Object> props, double now, double scale) {
        return scaled(props, new double[] {now}, scale, "fleetdeck.row-height")[0];
    }

    private static double[] scaled(Map<Object, Object> props, double[] now, double scale) {
        return scaled(props, now, scale, "");
    }

    /** The widths for this scale: each as set in code at scale 1, times the scale (unset and huge ones kept). */
    private static double[] scaled(Map<Object, Object> props, double[] now, double scale, String kind) {
        double[] base = (double[]) props.get(BASE + kind);
        double[] applied = (double[]) props.get(APPLIED + kind);
        if (base == null) {
            base = now.clone();
        } else {
            for (int i = 0; i < now.length; i++) {
                if (applied != null && now[i] != applied[i]) {
                    // set since (a user dragging a column, or code): a width at the scale in use now
                    base[i] = now[i] > 0 && now[i] < 5000 ? now[i] / scaleOf(props, kind) : now[i];
                }
            }
        }
        double[] out = new double[now.length];
        for (int i = 0; i < now.length; i++) {
            boolean fixed = base[i] > 0 && base[i] < 5000;
            out[i] = fixed ? Math.round(base[i] * scale) : base[i];
        }
        props.put(BASE + kind, base);
        props.put(SCALE + kind, scale);
        props.put(APPLIED + kind, out.clone());
        return out;
    }
}
