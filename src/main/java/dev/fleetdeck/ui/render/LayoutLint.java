package dev.fleetdeck.ui.render;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds what a person would see as broken in a laid-out scene graph: a label whose text ends in "…" because it does
 * not fit, text that runs past the edge of its container, and controls laid over each other because a row or column
 * could not fit them. FX thread, after CSS and layout.
 */
public final class LayoutLint {
    /** Slack in pixels before an edge counts as crossed (anti-aliasing, sub-pixel layout). */
    private static final double SLACK = 1.5;

    /** What is wrong. */
    public enum Kind {
        TRUNCATED, OVERFLOW, OVERLAP
    }

    /**
     * One problem.
     *
     * @param where the node, as its id or style class and its place in the tree
     * @param text  the text concerned (the full text of a truncated label)
     */
    public record Finding(Kind kind, String where, String text) {
        @Override
        public String toString() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + where + ": \"" + text + "\"";
        }
    }

    private LayoutLint() {
    }

    /** Every finding under {@code root}. */
    public static List<Finding> check(Parent root) {
        List<Finding> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node node, List<Finding> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled l) {
            if (!isDataCellWithHover(l)) {
                truncated(l, out);
                if (!inScrolledContent(l)) {
                    escapes(l, out);
                }
            }
        } else if (node instanceof Text t && !isLabelText(t) && !(t.getParent() instanceof Axis<?>)) {
            // (An axis centres its first and last tick labels on the plot's edges, half outside by design.)
            overflow(t, t.getText(), out);
        }
        if (node instanceof HBox || node instanceof VBox || node instanceof GridPane || node instanceof FlowPane
                || node instanceof TilePane || node instanceof BorderPane) {
            overlaps((Parent) node, out);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, out);
            }
        }
    }

    /** A label that may be cut, its tooltip showing it whole (see {@link dev.fleetdeck.ui.common.HeaderBar}). */
    public static final String ELIDABLE = dev.fleetdeck.ui.common.HeaderBar.ELIDABLE;

    /** A label shows less than its text: JavaFX replaced the end (or middle) with the ellipsis. */
    private static void truncated(Labeled l, List<Finding> out) {
        String full = l.getText();
        if (Boolean.TRUE.equals(l.getProperties().get(ELIDABLE)) && l.getTooltip() != null
                && Objects.equals(l.getTooltip().getText(), full)) {
            return;
        }
        if (full == null || full.isBlank() || l.getTextOverrun() == OverrunStyle.CLIP && l.getEllipsisString() == null) {
            return;
        }
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child.isVisible()) {
                String text = shown.getText();
                if (text != null && !Objects.equals(text.strip(), full.strip()) && !l.isWrapText()) {
                    out.add(new Finding(Kind.TRUNCATED, describe(l), full));
                } else if (l.isWrapText() && shown.getLayoutBounds().getHeight() > l.getHeight() + SLACK
                        && l.getHeight() > 0) {
                    out.add(new Finding(Kind.TRUNCATED, describe(l) + " (wrapped text taller than the label)", full));
                }
                return;
            }
        }
    }

    /**
     * A cell of a virtualised table or list: data, which may be cut to its column when the whole value is one hover
     * away (a tooltip on the cell or its row). A combo box's button cell is not in a virtual flow and is checked.
     */
    private static boolean isDataCellWithHover(Labeled l) {
        if (!(l instanceof IndexedCell<?> cell)) {
            return false;
        }
        boolean inFlow = false;
        for (Node up = cell.getParent(); up != null; up = up.getParent()) {
            if (up instanceof VirtualFlow<?>) {
                inFlow = true;
                break;
            }
        }
        if (!inFlow) {
            return false;
        }
        if (cell.getTooltip() != null) {
            return true;
        }
        return cell instanceof TableCell<?, ?> tc && tc.getTableRow() != null && tc.getTableRow().getTooltip() != null;
    }

    private static boolean isLabelText(Text t) {
        return t.getParent() instanceof Labeled;
    }

    /** Inside a virtual flow or a scroll pane, where content wider than its parent is scrolled to, not cut. */
    private static boolean inScrolledContent(Node n) {
        for (Node up = n.getParent(); up != null; up = up.getParent()) {
            if (up instanceof VirtualFlow<?> || up instanceof javafx.scene.control.ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /** A free text node (tiles, canvases' captions) wider than the container it sits in. */
    private static void overflow(Node t, String text, List<Finding> out) {
        Parent parent = t.getParent();
        if (parent == null || text == null || text.isBlank()) {
            return;
        }
        Bounds own = t.getBoundsInParent();
        Bounds box = parent.getLayoutBounds();
        if (box.getWidth() <= 0 || box.getHeight() <= 0) {
            return;
        }
        if (own.getMinX() < box.getMinX() - SLACK || own.getMaxX() > box.getMaxX() + SLACK) {
            out.add(new Finding(Kind.OVERFLOW, describe(t) + " in " + describe(parent), text));
        }
    }

    /**
     * A label kept at its full width that runs past one of the containers around it, up to the control it sits in
     * (a tile, a button): a pane's minimum can grow past the room it was given, so the label is whole yet drawn over
     * the neighbours or off the tile's edge.
     */
    private static void escapes(Labeled l, List<Finding> out) {
        String text = l.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        Bounds own = l.localToScene(l.getLayoutBounds());
        // (The scene's root is the window, or the renderer's frame that holds a view at the size asked for.)
        for (Node up = l.getParent(); up != null && up.getParent() != null; up = up.getParent()) {
            if (up instanceof javafx.scene.layout.Region box && box.getWidth() > 0 && box.getHeight() > 0) {
                Bounds room = box.localToScene(box.getLayoutBounds());
                if (own.getMinX() < room.getMinX() - SLACK || own.getMaxX() > room.getMaxX() + SLACK) {
                    out.add(new Finding(Kind.OVERFLOW, describe(l) + " past " + describe(box), text));
                    return;
                }
            }
            if (up instanceof javafx.scene.control.Control) {
                return;
            }
        }
    }

    /** Children of a layout pane that the pane laid over each other (it had less room than their minimum). */
    private static void overlaps(Parent pane, List<Finding> out) {
        List<Node> kids = new ArrayList<>();
        for (Node n : pane.getChildrenUnmodifiable()) {
            if (n.isVisible() && n.isManaged() && n.getOpacity() > 0 && n.getLayoutBounds().getWidth() > 0
                    && n.getLayoutBounds().getHeight() > 0) {
                kids.add(n);
            }
        }
        for (int i = 0; i < kids.size(); i++) {
            Bounds a = kids.get(i).getBoundsInParent();
            for (int j = i + 1; j < kids.size(); j++) {
                Bounds b = kids.get(j).getBoundsInParent();
                double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (w > SLACK && h > SLACK) {
                    out.add(new Finding(Kind.OVERLAP, describe(kids.get(i)) + " and " + describe(kids.get(j))
                            + " in " + describe(pane) + String.format(java.util.Locale.ROOT, " (%.0f × %.0f px)", w, h),
                            textOf(kids.get(i)) + " / " + textOf(kids.get(j))));
                }
            }
        }
    }

    private static String textOf(Node n) {
        if (n instanceof Labeled l) {
            return l.getText() == null ? "" : l.getText();
        }
        if (n instanceof Text t) {
            return t.getText();
        }
        return "";
    }

    /** {@code Label#nav-fleet}, {@code Label.fact-key}, with the nearest ancestor that has an id. */
    static String describe(Node n) {
        String own = n.getClass().getSimpleName() + (n.getId() != null ? "#" + n.getId()
                : n.getStyleClass().isEmpty() ? "" : "." + String.join(".", n.getStyleClass()));
        Node up = n.getParent();
        while (up != null && up.getId() == null) {
            up = up.getParent();
        }
        return up == null || up == n ? own : own + " under #" + up.getId();
    }
}
