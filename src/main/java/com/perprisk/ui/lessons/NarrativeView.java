package com.perprisk.ui.lessons;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;

/**
 * A lesson's narrative beside the window: the little Markdown the lessons use (a "# " title, paragraphs, "- " and
 * "1. " lists, **bold**) rendered as wrapped text, with buttons to play the lesson and to close the panel.
 */
public final class NarrativeView extends BorderPane {
    private final VBox body = new VBox(8);
    private final Label title = new Label();

    public NarrativeView(Runnable onReplay, Runnable onClose) {
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        setPrefWidth(330);
        setMinWidth(260);
        setMaxWidth(420);
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        Button close = new Button("✕");
        close.setId("lesson-close");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> onClose.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label kicker = new Label("LESSON");
        kicker.getStyleClass().add("lesson-kicker");
        HBox head = new HBox(6, kicker, spacer, close);
        head.setAlignment(Pos.CENTER_LEFT);
        Button replay = new Button("▶ Play the lesson");
        replay.setId("lesson-play");
        replay.getStyleClass().add("accent");
        replay.setOnAction(e -> onReplay.run());
        VBox top = new VBox(4, head, title);
        top.setPadding(new Insets(8, 10, 4, 12));
        setTop(top);
        body.setPadding(new Insets(4, 14, 12, 12));
        body.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lesson-scroll");
        setCenter(scroll);
        HBox bottom = new HBox(replay);
        bottom.setPadding(new Insets(8, 12, 10, 12));
        setBottom(bottom);
    }

    /** Shows a narrative; its "# " heading becomes the panel's title. */
    public void show(String markdown) {
        body.getChildren().clear();
        title.setText("");
        List<String> block = new ArrayList<>();
        for (String raw : (markdown + "\n").split("\r?\n")) {
            String line = raw.strip();
            boolean item = line.startsWith("- ") || line.matches("\\d+\\.\\s.*");
            if (line.isEmpty() || line.startsWith("# ") || item) {
                flush(block);
            }
            if (line.startsWith("# ")) {
                if (title.getText().isEmpty()) {
                    title.setText(line.substring(2).strip());
                } else {
                    Label h = new Label(line.substring(2).strip());
                    h.getStyleClass().add("lesson-heading");
                    h.setWrapText(true);
                    body.getChildren().add(h);
                }
            } else if (!line.isEmpty()) {
                block.add(line);
            }
        }
        flush(block);
    }

    public String titleText() {
        return title.getText();
    }

    private void flush(List<String> block) {
        if (block.isEmpty()) {
            return;
        }
        String text = String.join(" ", block);
        block.clear();
        String bullet = null;
        if (text.startsWith("- ")) {
            bullet = "•";
            text = text.substring(2);
        } else if (text.matches("\\d+\\.\\s.*")) {
            bullet = text.substring(0, text.indexOf('.') + 1);
            text = text.substring(text.indexOf('.') + 1).strip();
        }
        TextFlow flow = rich(text);
        flow.getStyleClass().add("lesson-text");
        Node n = flow;
        if (bullet != null) {
            Label b = new Label(bullet);
            b.setMinWidth(18);
            b.getStyleClass().add("lesson-bullet");
            HBox row = new HBox(2, b, flow);
            HBox.setHgrow(flow, Priority.ALWAYS);
            n = row;
        }
        body.getChildren().add(n);
    }

    /** Text with **bold** spans. */
    private static TextFlow rich(String text) {
        TextFlow f = new TextFlow();
        String[] parts = text.split("\\*\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            Text t = new Text(parts[i].replace("*", ""));
            t.getStyleClass().add(i % 2 == 1 ? "lesson-strong" : "lesson-plain");
            f.getChildren().add(t);
        }
        return f;
    }
}
