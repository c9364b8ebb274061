package dev.fleetdeck.ui.common.chart;

import javafx.css.CssMetaData;
import javafx.css.FontCssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one line chart of FleetDeck: a series of values over time on one Canvas, no animation, no symbols, gaps (NaN)
 * drawn as gaps, downsampled to the pixel width by the skin. Its colours come from CSS ({@code .trend-chart}:
 * {@code -fd-line-color}, {@code -fd-mark-color}, {@code -fd-axis-color}: the theme's accent, critical and muted text
 * colours), so a theme
 * switch recolours every chart; a showroom's branding sets them inline.
 *
 * <p>Two ways to feed it: {@link #setSeries} replaces the data (a stretch of history), {@link #append} adds the
 * newest value to a ring of {@code capacity} points (a live value before history exists). FX thread only.
 */
public final class TrendChart extends Control {
    /** How the value axis is chosen. */
    public enum Scale {
        /** Around the data, at least 2 % of its level as range: small wiggles stay small, a dip is not a crash. */
        AROUND_DATA,
        /** From zero to the data's maximum (+10 %), or to a fixed maximum (100 for a percentage). */
        FROM_ZERO
    }

    private static final CssMetaData<TrendChart, Paint> LINE_COLOR = new CssMetaData<>("-fd-line-color",
            PaintConverter.getInstance(), Color.web("#58a6ff")) {
        @Override
        public boolean isSettable(TrendChart c) {
            return !c.lineColor.isBound();
        }

        @Override
        public StyleableProperty<Paint> getStyleableProperty(TrendChart c) {
            return c.lineColor;
        }
    };

    private static final CssMetaData<TrendChart, Paint> MARK_COLOR = new CssMetaData<>("-fd-mark-color",
            PaintConverter.getInstance(), Color.web("#f85149")) {
        @Override
        public boolean isSettable(TrendChart c) {
            return !c.markColor.isBound();
        }

        @Override
        public StyleableProperty<Paint> getStyleableProperty(TrendChart c) {
            return c.markColor;
        }
    };

    private static final CssMetaData<TrendChart, Paint> AXIS_COLOR = new CssMetaData<>("-fd-axis-color",
            PaintConverter.getInstance(), Color.web("#8b98a9")) {
        @Override
        public boolean isSettable(TrendChart c) {
            return !c.axisColor.isBound();
        }

        @Override
        public StyleableProperty<Paint> getStyleableProperty(TrendChart c) {
            return c.axisColor;
        }
    };

    /** The font of the axis and crosshair texts, inherited like a label's (so it follows the type scale). */
    private static final FontCssMetaData<TrendChart> FONT = new FontCssMetaData<>("-fx-font", Font.getDefault()) {
        @Override
        public boolean isSettable(TrendChart c) {
            return !c.font.isBound();
        }

        @Override
        public StyleableProperty<Font> getStyleableProperty(TrendChart c) {
            return c.font;
        }
    };

    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
        all.add(LINE_COLOR);
        all.add(MARK_COLOR);
        all.add(AXIS_COLOR);
        all.add(FONT);
        CSS = Collections.unmodifiableList(all);
    }

    private final StyleableObjectProperty<Paint> lineColor = new SimpleStyleableObjectProperty<>(LINE_COLOR, this,
            "lineColor", LINE_COLOR.getInitialValue(this));
    private final StyleableObjectProperty<Paint> markColor = new SimpleStyleableObjectProperty<>(MARK_COLOR, this,
            "markColor", MARK_COLOR.getInitialValue(this));
    private final StyleableObjectProperty<Paint> axisColor = new SimpleStyleableObjectProperty<>(AXIS_COLOR, this,
            "axisColor", AXIS_COLOR.getInitialValue(this));
    private final StyleableObjectProperty<Font> font = new SimpleStyleableObjectProperty<>(FONT, this, "font",
            Font.getDefault());
    private final Scale scale;
    private double fixedMax;
    private final boolean markZeroMinimums;
    private final int capacity;
    private TrendData data = TrendData.EMPTY;
    private Runnable onChange = () -> { };
    private java.util.function.DoubleFunction<String> valueText;
    private java.time.ZoneId zone = java.time.ZoneId.systemDefault();

    /**
     * @param scale            how the value axis is chosen
     * @param fixedMax         the top of a {@link Scale#FROM_ZERO} axis, or NaN for the data's maximum
     * @param markZeroMinimums mark the points whose minimum touched zero (stock-outs) as bars under the line
     * @param capacity         points kept (the oldest fall off), right-aligned on a fixed spacing; Integer.MAX_VALUE
     *                         keeps every point and spreads them over the width
     */
    public TrendChart(Scale scale, double fixedMax, boolean markZeroMinimums, int capacity) {
        this.scale = scale;
        this.fixedMax = fixedMax;
        this.markZeroMinimums = markZeroMinimums;
        this.capacity = Math.max(2, capacity);
        getStyleClass().add("trend-chart");
        setMinHeight(20);
        setPrefHeight(80);
        lineColor.addListener((o, a, b) -> onChange.run());
        markColor.addListener((o, a, b) -> onChange.run());
        axisColor.addListener((o, a, b) -> onChange.run());
        font.addListener((o, a, b) -> onChange.run());
    }

    /** Replaces the data with a series: times, values (NaN = gap) and per-point minimums (null = the values). */
    public void setSeries(long[] epochMillis, double[] values, double[] minimums) {
        data = TrendData.of(epochMillis, values, minimums, capacity);
        onChange.run();
    }

    /**
     * Draws axes: times along the bottom (in {@code zone}) and the scale's bottom and top on the left, written by
     * {@code valueText} with its unit ("0 kW", "2,536 kW"); hovering shows a crosshair with the time and value.
     * Without it the chart is a bare line (the showroom's big trends, where the caption says what it is).
     */
    public void showAxes(java.util.function.DoubleFunction<String> text, java.time.ZoneId timeZone) {
        valueText = text;
        zone = timeZone;
        onChange.run();
    }

    java.util.function.DoubleFunction<String> valueText() {
        return valueText;
    }

    java.time.ZoneId zone() {
        return zone;
    }

    /** Changes the top of a {@link Scale#FROM_ZERO} axis (NaN: the data's maximum), e.g. to the fleet's power limit. */
    public void setFixedMax(double max) {
        if (Double.compare(max, fixedMax) != 0) {
            fixedMax = max;
            onChange.run();
        }
    }

    /** Appends the newest value (absent values are skipped: a live value has no gap to show yet). */
    public void append(double value, long epochMillis) {
        if (Double.isNaN(value)) {
            return;
        }
        data = data.append(epochMillis, value, capacity);
        onChange.run();
    }

    /** What is drawn now. */
    public TrendData data() {
        return data;
    }

    /** Points held (NaN gaps included). */
    public int size() {
        return data.size();
    }

    /** Milliseconds between the oldest and the newest point. */
    public long spanMillis() {
        return data.spanMillis();
    }

    /** Points whose minimum touched zero (stock-outs). */
    public int zeroMinimums() {
        return data.zeroMinimums();
    }

    Scale scale() {
        return scale;
    }

    double fixedMax() {
        return fixedMax;
    }

    boolean marksZeroMinimums() {
        return markZeroMinimums;
    }

    int capacity() {
        return capacity;
    }

    /** The skin redraws when data or colours change. */
    void setOnChange(Runnable action) {
        onChange = action;
    }

    public Paint getLineColor() {
        return lineColor.get();
    }

    public Paint getMarkColor() {
        return markColor.get();
    }

    /** The font the axes are labelled in (the stylesheet's, inherited). */
    public Font getFont() {
        return font.get();
    }

    public Paint getAxisColor() {
        return axisColor.get();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TrendChartSkin(this);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return CSS;
    }
}
