package com.perprisk.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Placeholder window until the desktop UI lands. */
public class PerpRiskApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("PerpRisk");
        stage.setScene(new Scene(new Label("PerpRisk"), 640, 400));
        stage.show();
    }
}
