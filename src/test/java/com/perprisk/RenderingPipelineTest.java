package com.perprisk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13 (memory): on Linux without a GPU device the app asks JavaFX for the software pipeline it would fall back
 * to anyway, skipping the OpenGL attempt that loads Mesa and LLVM; with a GPU, elsewhere, or when the user chose,
 * JavaFX decides.
 */
class RenderingPipelineTest {

    @Test
    void linuxWithoutAGpuDeviceAsksForTheSoftwarePipeline(@TempDir Path dev) throws Exception {
        Files.createFile(dev.resolve("null"));
        Files.createFile(dev.resolve("tty0"));
        assertEquals(Optional.of("sw"), RenderingPipeline.order("Linux", null, dev));
        Files.createDirectory(dev.resolve("dri")); // an empty dri directory is no device
        assertEquals(Optional.of("sw"), RenderingPipeline.order("Linux", null, dev));
    }

    @Test
    void aDrmOrNvidiaDeviceLeavesTheChoiceToJavaFx(@TempDir Path dev) throws Exception {
        Path dri = Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dri.resolve("renderD128"));
        assertEquals(Optional.empty(), RenderingPipeline.order("Linux", null, dev));

        Path nvidiaOnly = Files.createDirectories(dev.resolve("other"));
        Files.createFile(nvidiaOnly.resolve("nvidia0"));
        assertEquals(Optional.empty(), RenderingPipeline.order("Linux", null, nvidiaOnly));

        Path cardOnly = Files.createDirectories(dev.resolve("card/dri"));
        Files.createFile(cardOnly.resolve("card0"));
        assertEquals(Optional.empty(), RenderingPipeline.order("Linux", null, cardOnly.getParent()));
    }

    @Test
    void otherSystemsAndMonocleAreLeftAlone(@TempDir Path dev) {
        assertEquals(Optional.empty(), RenderingPipeline.order("Windows 11", null, dev));
        assertEquals(Optional.empty(), RenderingPipeline.order("Mac OS X", null, dev));
        assertEquals(Optional.empty(), RenderingPipeline.order("Linux", "Monocle", dev));
        assertEquals(Optional.empty(), RenderingPipeline.order("Linux", null, dev.resolve("missing")),
                "no device directory to look at: no guess");
    }

    @Test
    void thePipelineTheUserChoseWins() {
        String before = System.getProperty(RenderingPipeline.ORDER);
        try {
            System.setProperty(RenderingPipeline.ORDER, "es2");
            RenderingPipeline.chooseBeforeToolkitStarts();
            assertEquals("es2", System.getProperty(RenderingPipeline.ORDER));
        } finally {
            if (before == null) {
                System.clearProperty(RenderingPipeline.ORDER);
            } else {
                System.setProperty(RenderingPipeline.ORDER, before);
            }
        }
    }
}
