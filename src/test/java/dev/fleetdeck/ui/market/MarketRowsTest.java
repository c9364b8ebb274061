package dev.fleetdeck.ui.market;

import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.OfferKind;
import dev.fleetdeck.model.StockLevel;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketRowsTest {
    private static Offer offer(String provider, String model, String region, int stock, StockLevel level, double price,
                               OfferKind kind) {
        return new Offer(provider, model, model, "8x " + model, 8, region, stock, level, price, kind);
    }

    private static final List<Offer> OFFERS = List.of(
            offer("vast", "H100", "US", 64, StockLevel.AVAILABLE, 2.2, OfferKind.COMMUNITY),
            offer("lambda", "H100", "us-east-1", -1, StockLevel.AVAILABLE, 2.99, OfferKind.ON_DEMAND),
            offer("runpod", "H100", "us-east-1", -1, StockLevel.LOW, 2.69, OfferKind.ON_DEMAND),
            offer("runpod", "H100", "us-east-1", -1, StockLevel.HIGH, 1.97, OfferKind.SPOT),
            offer("lambda", "B200", "us-east-1", -1, StockLevel.NONE, 4.99, OfferKind.ON_DEMAND),
            offer("inv", "B200", "us-east-1", 16, StockLevel.AVAILABLE, 5.2, OfferKind.ON_DEMAND),
            offer("inv", "B200", "us-east-1", 8, StockLevel.AVAILABLE, 5.1, OfferKind.ON_DEMAND));

    @Test
    void oneRowPerModelAndRegionWithEachCloudsStockAndTheBestPrice() {
        List<MarketRows.Row> rows = MarketRows.of(OFFERS, EnumSet.of(OfferKind.ON_DEMAND));
        assertEquals(List.of("B200 us-east-1", "H100 us-east-1"), rows.stream().map(r -> r.model() + " "
                + r.region()).toList(), "community and spot are left out; sorted by model then region");
        MarketRows.Row b200 = rows.getFirst();
        assertEquals("sold out", b200.cells().get("lambda").text());
        assertEquals("24 GPUs · $5.10", b200.cells().get("inv").text(), "counts add up, the cheaper price wins");
        assertEquals(24, b200.listedGpus());
        assertEquals(5.1, b200.bestPrice(), 1e-12);
        assertEquals("inv", b200.bestAt());
        MarketRows.Row h100 = rows.get(1);
        assertEquals("low · $2.69", h100.cells().get("runpod").text());
        assertEquals("available · $2.99", h100.cells().get("lambda").text());
        assertEquals("runpod", h100.bestAt());
        assertEquals(0, h100.listedGpus(), "levels are not counts");
    }

    @Test
    void withSpotAndCommunityTheCheapestSaysHowItIsSold() {
        List<MarketRows.Row> rows = MarketRows.of(OFFERS, EnumSet.allOf(OfferKind.class));
        MarketRows.Row h100 = rows.stream().filter(r -> r.model().equals("H100") && r.region().equals("us-east-1"))
                .findFirst().orElseThrow();
        assertEquals("high · $1.97 spot", h100.cells().get("runpod").text());
        assertEquals("64 GPUs · $2.20 community", rows.stream().filter(r -> r.region().equals("US")).findFirst()
                .orElseThrow().cells().get("vast").text());
    }

    @Test
    void columnsSortByStockWithSoldOutLast() {
        var cells = new java.util.ArrayList<>(List.of(
                new MarketRows.Cell(-1, StockLevel.NONE, Double.NaN, OfferKind.ON_DEMAND),
                new MarketRows.Cell(8, StockLevel.NONE, 2, OfferKind.ON_DEMAND),
                new MarketRows.Cell(-1, StockLevel.LOW, 2, OfferKind.ON_DEMAND),
                new MarketRows.Cell(64, StockLevel.NONE, 2, OfferKind.ON_DEMAND),
                new MarketRows.Cell(-1, StockLevel.HIGH, 2, OfferKind.ON_DEMAND)));
        cells.sort(MarketRows.BY_STOCK);
        assertEquals(List.of("64 GPUs · $2.00", "8 GPUs · $2.00", "high · $2.00", "low · $2.00", "sold out"),
                cells.stream().map(MarketRows.Cell::text).toList());
        assertTrue(cells.getFirst().inStock());
        assertFalse(cells.getLast().inStock());
    }
}
