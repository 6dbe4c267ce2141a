package com.perprisk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13 (memory): on Linux without a GPU device the app asks JavaFX for the software pipeline it would fall back
 * to anyway, skipping the OpenGL attempt that loads Mesa and LLVM, and with the software pipeline it turns the
 * region cache off; with a GPU, elsewhere, for Monocle, or when the user chose, JavaFX decides.
 */
class RenderingPipelineTest {
    private static final Map<String, String> SOFTWARE = Map.of("prism.order", "sw",
            "prism.disableRegionCaching", "true");

    @Test
    void linuxWithoutAGpuDeviceAsksForTheSoftwarePipelineWithoutTheRegionCache(@TempDir Path dev) throws Exception {
        Files.createFile(dev.resolve("null"));
        Files.createFile(dev.resolve("tty0"));
        assertEquals(SOFTWARE, RenderingPipeline.choices("Linux", null, null, dev));
        Files.createDirectory(dev.resolve("dri")); // an empty dri directory is no device
        assertEquals(SOFTWARE, RenderingPipeline.choices("Linux", null, null, dev));
        assertEquals(Map.of("GDK_GL", "disable"), RenderingPipeline.childEnvironment("Linux", dev));
    }

    @Test
    void aDrmOrNvidiaDeviceLeavesTheChoiceToJavaFx(@TempDir Path dev) throws Exception {
        Path dri = Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dri.resolve("renderD128"));
        assertEquals(Map.of(), RenderingPipeline.choices("Linux", null, null, dev));
        assertEquals(Map.of(), RenderingPipeline.childEnvironment("Linux", dev));

        Path nvidiaOnly = Files.createDirectories(dev.resolve("other"));
        Files.createFile(nvidiaOnly.resolve("nvidia0"));
        assertEquals(Map.of(), RenderingPipeline.choices("Linux", null, null, nvidiaOnly));
        assertEquals(Map.of(), RenderingPipeline.childEnvironment("Linux", nvidiaOnly));

        Path cardOnly = Files.createDirectories(dev.resolve("card/dri"));
        Files.createFile(cardOnly.resolve("card0"));
        assertEquals(Map.of(), RenderingPipeline.choices("Linux", null, null, cardOnly.getParent()));
    }

    @Test
    void otherSystemsAndMonocleAreLeftAlone(@TempDir Path dev) {
        assertEquals(Map.of(), RenderingPipeline.choices("Windows 11", null, null, dev));
        assertEquals(Map.of(), RenderingPipeline.choices("Mac OS X", null, null, dev));
        assertEquals(Map.of(), RenderingPipeline.choices("Linux", "Monocle", "sw", dev), "--screenshot stays as it was");
        assertEquals(Map.of(), RenderingPipeline.choices("Linux", null, null, dev.resolve("missing")),
                "no device directory to look at: no guess");
        assertEquals(Map.of(), RenderingPipeline.childEnvironment("Windows 11", dev));
        assertEquals(Map.of(), RenderingPipeline.childEnvironment("Mac OS X", dev));
    }

    @Test
    void thePipelineTheUserChoseWinsAndTheSoftwareOneDropsTheRegionCache(@TempDir Path dev) {
        assertEquals(Map.of(), RenderingPipeline.choices("Linux", null, "es2", dev));
        assertEquals(Map.of("prism.disableRegionCaching", "true"), RenderingPipeline.choices("Linux", null, "sw", dev));
        assertEquals(Map.of("prism.disableRegionCaching", "true"),
                RenderingPipeline.choices("Windows 10", null, "sw", dev));
        assertEquals(Map.of(), RenderingPipeline.choices("Windows 10", null, "d3d,sw", dev));
    }

    @Test
    void theChildEnvironmentKeepsTheUsersOwnGdkGl() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("GDK_GL", "always", "HOME", "/home/u"));
        RenderingPipeline.addChildEnvironment(env);
        assertEquals(Map.of("GDK_GL", "always", "HOME", "/home/u"), env);
        Map<String, String> fresh = new java.util.HashMap<>();
        RenderingPipeline.addChildEnvironment(fresh);
        assertEquals(RenderingPipeline.childEnvironment(System.getProperty("os.name"), Path.of("/dev")), fresh);
    }

    @Test
    void aPropertyTheUserSetIsNeverOverwritten() {
        String order = System.getProperty(RenderingPipeline.ORDER);
        String cache = System.getProperty(RenderingPipeline.NO_REGION_CACHE);
        try {
            System.setProperty(RenderingPipeline.ORDER, "sw");
            System.setProperty(RenderingPipeline.NO_REGION_CACHE, "false");
            RenderingPipeline.chooseBeforeToolkitStarts();
            assertEquals("sw", System.getProperty(RenderingPipeline.ORDER));
            assertEquals("false", System.getProperty(RenderingPipeline.NO_REGION_CACHE));
        } finally {
            restore(RenderingPipeline.ORDER, order);
            restore(RenderingPipeline.NO_REGION_CACHE, cache);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
