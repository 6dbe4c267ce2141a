package com.perprisk.bench;

import com.perprisk.ui.FirstFrame;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The start-up probe's reference (installers/measure-startup.sh): the barest JavaFX window, one Label in a 1280×800
 * Scene, from the same JavaFX jars as the app, timed by the same first-frame marker ({@link FirstFrame}).
 * <pre>java -cp target/test-classes:target/classes:target/lib/* com.perprisk.bench.BareWindow</pre>
 */
public final class BareWindow {
    private BareWindow() {
    }

    /** Like the app's launcher, the main class does not extend Application (JavaFX is on the class path). */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new Label("PerpRisk start-up reference"), 1280, 800);
            stage.setTitle("Bare JavaFX window");
            stage.setScene(scene);
            stage.show();
            FirstFrame.reportAndExit(scene);
        }
    }
}
