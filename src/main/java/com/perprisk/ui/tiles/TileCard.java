package com.perprisk.ui.tiles;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One headline tile without a dial: its title at the top left, then its content (value, detail lines) centred. Its
 * height follows what it shows: a detail line wraps rather than being cut, and the tile is as tall as its lines need
 * at the width it is given (the tiles pane asks for that height, see {@link TilesRoom}). Colours and corners come
 * from panels.css ({@code .tile-card}), in the light and the dark theme.
 */
final class TileCard extends VBox {
    TileCard(String title, String id, Node... content) {
        setId(id);
        getStyleClass().add("tile-card");
        setAlignment(Pos.TOP_CENTER);
        setSpacing(3);
        setPadding(new Insets(4, 6, 6, 6));
        Label t = new Label(title);
        t.getStyleClass().add("tile-title");
        t.setMinWidth(0);
        t.setMaxWidth(Double.MAX_VALUE);
        t.setMouseTransparent(true);
        getChildren().add(t);
        getChildren().addAll(content);
        setMinWidth(TilesPane.MIN_TILE_WIDTH);
        setPrefWidth(150);
        setMaxWidth(260);
        setMinHeight(Region.USE_COMPUTED_SIZE);
    }

    /** The height this tile needs at {@code width}: every line of it whole. */
    double need(double width) {
        return snappedTopInset() + snappedBottomInset() + getChildren().stream()
                .mapToDouble(n -> n.prefHeight(width - snappedLeftInset() - snappedRightInset())).sum()
                + getSpacing() * Math.max(0, getChildren().size() - 1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return need(width < 0 ? getWidth() > 0 ? getWidth() : getPrefWidth() : width);
    }
}
