package dev.fleetdeck.ui.search;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.ui.common.Offload;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Ctrl+K: a search box over the window. Typing searches the latest snapshot on the view worker; Up/Down choose,
 * Enter (or a click) goes to the hit, Esc closes. FX thread only.
 */
public final class QuickSearchOverlay {
    private final StackPane root = new StackPane();
    private final TextField field = new TextField();
    private final ListView<SearchHit> list = new ListView<>();
    private final Label hint = new Label("Type part of a node name, GPU UUID, tenant, model or region");
    private final Offload.Channel<List<SearchHit>> channel;
    private final Supplier<FleetSnapshot> snapshot;
    private Consumer<SearchHit> onChoose = h -> { };

    public QuickSearchOverlay(Offload offload, Supplier<FleetSnapshot> snapshot) {
        this.snapshot = snapshot;
        this.channel = offload.channel(this::showHits);
        field.setId("quick-search-field");
        field.setPromptText("Search the fleet…");
        list.setId("quick-search-results");
        list.setFixedCellSize(44);
        list.setPrefHeight(44 * 8 + 4);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SearchHit hit, boolean empty) {
                super.updateItem(hit, empty);
                if (empty || hit == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label kind = new Label(hit.kind().label());
                kind.getStyleClass().add("search-kind");
                kind.setMinWidth(64);
                Label label = new Label(hit.label());
                label.getStyleClass().add("search-label");
                Label detail = new Label(hit.detail());
                detail.getStyleClass().add("search-detail");
                HBox.setHgrow(detail, Priority.ALWAYS);
                HBox row = new HBox(12, kind, label, detail);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1 && list.getSelectionModel().getSelectedItem() != null) {
                choose(list.getSelectionModel().getSelectedItem());
            }
        });
        field.textProperty().addListener((o, a, b) -> search(b));
        field.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case DOWN -> {
                    list.getSelectionModel().selectNext();
                    list.scrollTo(list.getSelectionModel().getSelectedIndex());
                    e.consume();
                }
                case UP -> {
                    list.getSelectionModel().selectPrevious();
                    list.scrollTo(list.getSelectionModel().getSelectedIndex());
                    e.consume();
                }
                case ENTER -> {
                    SearchHit hit = list.getSelectionModel().getSelectedItem();
                    if (hit != null) {
                        choose(hit);
                    }
                    e.consume();
                }
                case ESCAPE -> {
                    hide();
                    e.consume();
                }
                default -> {
                }
            }
        });
        hint.getStyleClass().add("search-hint");
        hint.setId("quick-search-hint");
        Label title = new Label("Quick search  ·  Ctrl+K");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(8, title, field, hint, list);
        box.getStyleClass().add("overlay-panel");
        box.setMaxWidth(760);
        box.setMaxHeight(VBox.USE_PREF_SIZE);
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        root.getChildren().add(box);
        root.getStyleClass().add("overlay-backdrop");
        root.setOnMouseClicked(e -> {
            if (e.getTarget() == root) {
                hide();
            }
        });
        root.setVisible(false);
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
            }
        });
    }

    /** Where a chosen hit goes. */
    public void setOnChoose(Consumer<SearchHit> action) {
        onChoose = action;
    }

    public void show() {
        root.setVisible(true);
        field.selectAll();
        field.requestFocus();
        search(field.getText());
    }

    public void hide() {
        root.setVisible(false);
    }

    public boolean isShowing() {
        return root.isVisible();
    }

    private void search(String text) {
        FleetSnapshot snap = snapshot.get();
        String q = text == null ? "" : text;
        channel.request(() -> QuickSearch.find(snap, q));
    }

    private void showHits(List<SearchHit> hits) {
        list.getItems().setAll(hits);
        if (!hits.isEmpty()) {
            list.getSelectionModel().select(0);
        }
        String q = field.getText() == null ? "" : field.getText().trim();
        hint.setText(q.isEmpty() ? "Type part of a node name, GPU UUID, tenant, model or region"
                : hits.isEmpty() ? "nothing matches “" + q + "”"
                : hits.size() + (hits.size() == QuickSearch.LIMIT ? "+" : "") + " matches · Enter opens, Esc closes");
    }

    private void choose(SearchHit hit) {
        hide();
        onChoose.accept(hit);
    }

    public StackPane node() {
        return root;
    }

    public TextField field() {
        return field;
    }

    public List<SearchHit> hits() {
        return List.copyOf(list.getItems());
    }
}
