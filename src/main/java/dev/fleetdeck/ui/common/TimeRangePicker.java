package dev.fleetdeck.ui.common;

import dev.fleetdeck.model.Units;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time range of every chart of a view: 5 min, 1 h, 24 h, or a custom span typed as "30m", "6h", "90s" or
 * "1d" (Enter applies it; a span out of range or unreadable says so in the field's tooltip and keeps the range).
 * FX thread only.
 */
public final class TimeRangePicker {
    private static final Pattern SPAN = Pattern.compile("\\s*(\\d{1,6})\\s*(s|sec|m|min|h|d)?\\s*");
    private final HBox root = new HBox(6);
    private final ToggleGroup group = new ToggleGroup();
    private final TextField custom = new TextField();
    private final Duration max;
    private final Consumer<Duration> onChange;
    private Duration range;
    private boolean customActive;

    /**
     * @param id       prefix of the buttons' and field's ids ("detail-window" → "detail-window-1h")
     * @param presets  the buttons, shortest first; the first is selected
     * @param max      the longest span there is history for
     * @param onChange called with the new range
     */
    public TimeRangePicker(String id, List<Duration> presets, Duration max, Consumer<Duration> onChange) {
        this(id, presets, max, onChange, presets.getFirst());
    }

    /** A picker that starts on {@code initial} (one of the presets). */
    public TimeRangePicker(String id, List<Duration> presets, Duration max, Consumer<Duration> onChange,
                           Duration initial) {
        this.max = max;
        this.onChange = onChange;
        this.range = initial;
        Label label = new Label("Range");
        label.getStyleClass().add("toolbar-label");
        root.getChildren().add(label);
        for (Duration d : presets) {
            ToggleButton b = new ToggleButton(label(d));
            b.setId(id + "-" + label(d).replace(" ", ""));
            b.setUserData(d);
            b.setToggleGroup(group);
            b.setSelected(d.equals(range));
            b.getStyleClass().add("metric-toggle");
            root.getChildren().add(b);
        }
        custom.setId(id + "-custom");
        custom.setPromptText("custom: 30m, 6h");
        custom.setPrefColumnCount(9);
        custom.setTooltip(new Tooltip("A span up to " + Units.age(max) + ": 90s, 30m, 6h, 1d; Enter applies it"));
        custom.setOnAction(e -> applyCustom());
        root.getChildren().add(custom);
        root.setAlignment(Pos.CENTER_LEFT);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                customActive = false;
                custom.setText("");
                set((Duration) now.getUserData());
            } else if (!customActive && was != null) {
                was.setSelected(true); // a second click on the selected button keeps it
            }
        });
    }

    private void applyCustom() {
        Optional<Duration> d = parse(custom.getText(), max);
        if (d.isEmpty()) {
            custom.getStyleClass().add("field-error");
            custom.getTooltip().setText("'" + custom.getText().strip() + "' is not a span from 1 min to "
                    + Units.age(max) + " (write 90s, 30m, 6h or 1d)");
            return;
        }
        custom.getStyleClass().remove("field-error");
        customActive = true;
        if (group.getSelectedToggle() != null) {
            group.getSelectedToggle().setSelected(false);
        }
        set(d.get());
    }

    private void set(Duration next) {
        range = next;
        onChange.accept(next);
    }

    /** "30m" → 30 minutes; empty when unreadable, under one minute or over {@code max}. */
    public static Optional<Duration> parse(String text, Duration max) {
        Matcher m = SPAN.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "m" : m.group(2);
        Duration d = switch (unit) {
            case "s", "sec" -> Duration.ofSeconds(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofMinutes(n);
        };
        return d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(max) > 0 ? Optional.empty() : Optional.of(d);
    }

    /** "5 min", "1 h", "24 h". */
    static String label(Duration d) {
        return d.toMinutes() < 60 ? d.toMinutes() + " min" : d.toHours() + " h";
    }

    /** The range now. */
    public Duration range() {
        return range;
    }

    public HBox node() {
        return root;
    }
}
