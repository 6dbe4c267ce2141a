package com.perprisk.ui.support;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scene snapshots to PNG (under Monocle headless they render as on screen). Call on the FX thread. */
public final class Snapshots {
    private Snapshots() {
    }

    public static Path save(Scene scene, String name) {
        try {
            Path dir = Path.of("target", "screens");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            WritableImage img = scene.snapshot(null);
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
