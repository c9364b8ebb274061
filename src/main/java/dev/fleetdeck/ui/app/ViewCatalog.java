package dev.fleetdeck.ui.app;

import dev.fleetdeck.ui.alerts.AlertsView;
import dev.fleetdeck.ui.common.FleetView;
import dev.fleetdeck.ui.common.ViewContext;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.detail.NodeDetailView;
import dev.fleetdeck.ui.fleet.FleetTableView;
import dev.fleetdeck.ui.heatmap.HeatmapView;
import dev.fleetdeck.ui.market.MarketView;
import dev.fleetdeck.ui.overview.OverviewView;
import dev.fleetdeck.ui.sources.SourcesView;

/**
 * Builds the window's view for each {@link ViewId}: the one place that knows every view class. The switch has no
 * default, so a new constant does not compile until its view is here. FX thread.
 */
final class ViewCatalog {
    private ViewCatalog() {
    }

    static FleetView create(ViewId id, ViewContext c) {
        return switch (id) {
            case OVERVIEW -> new OverviewView(c.sourceLabel(), c.zone(), c.typeScale());
            case FLEET -> {
                FleetTableView v = new FleetTableView(c.offload());
                v.setOnOpen(c.navigator()::openNode);
                yield v;
            }
            case HEATMAP -> {
                HeatmapView v = new HeatmapView(c.offload());
                v.setOnOpen(c.navigator()::openNode);
                yield v;
            }
            case DETAIL -> {
                NodeDetailView v = new NodeDetailView(c.zone());
                v.setOnBack(c.navigator()::back);
                yield v;
            }
            case SOURCES -> new SourcesView(c.clock(), c.zone());
            case ALERTS -> new AlertsView(c.alertActions(), c.clock(), c.zone());
            case MARKET -> new MarketView();
            case SHOWROOM -> throw new IllegalArgumentException("the showroom takes the whole screen, not the window");
        };
    }
}
