package com.perprisk;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JavaFX's rendering pipeline, chosen before the toolkit starts where the outcome is already known. On Linux JavaFX
 * first tries its OpenGL pipeline (es2): that loads the system's GL driver and creates a context, and only then
 * checks the GPU's vendor, falling back to the software pipeline for anything but a GPU vendor. Without a GPU
 * device node there is no GPU driver, so Mesa renders in software (llvmpipe, vendor "Mesa/X.org" or "Mesa"), which
 * that check always rejects: the attempt only costs time and about 50 MB of resident memory that stays (Mesa's
 * driver and the LLVM it loads). There the app asks for the software pipeline directly: the same pixels, without
 * the detour. A {@code -Dprism.order} the user gave wins; with a GPU, on Windows and on macOS nothing is chosen.
 *
 * <p>With the software pipeline (chosen here or by the user) JavaFX's region cache is off: a permanent 2048×1024
 * image (8 MB on the Java heap) of pre-drawn control backgrounds, which in software is no faster to stretch and copy
 * than to draw ({@code RenderCpuProbe}: no dearer per edit, cheaper per tab switch). Not for {@code --screenshot}
 * (Monocle), whose pixels stay as they were. A {@code -Dprism.disableRegionCaching} the user gave wins.
 */
final class RenderingPipeline {
    /** JavaFX's system property naming the pipelines to try, in order. */
    static final String ORDER = "prism.order";

    /** JavaFX's system property that turns its cache of pre-drawn region backgrounds off. */
    static final String NO_REGION_CACHE = "prism.disableRegionCaching";

    private RenderingPipeline() {
    }

    /** Sets the properties of {@link #choices} that the user did not set. */
    static void chooseBeforeToolkitStarts() {
        Map<String, String> choices = choices(System.getProperty("os.name", ""), System.getProperty("glass.platform"),
                System.getProperty(ORDER), Path.of("/dev"));
        for (Map.Entry<String, String> e : choices.entrySet()) {
            if (System.getProperty(e.getKey()) == null) {
                System.setProperty(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * The JavaFX properties to set on {@code osName} with the device directory {@code dev} when the user asked for
     * {@code userOrder} (null: nothing): {@code prism.order=sw} on Linux with neither a DRM device
     * ({@code dev/dri/*}) nor NVIDIA's ({@code dev/nvidia*}), and the region cache off with the software pipeline;
     * nothing on the Monocle platform or another chosen {@code glassPlatform}.
     */
    static Map<String, String> choices(String osName, String glassPlatform, String userOrder, Path dev) {
        Map<String, String> set = new LinkedHashMap<>();
        if (glassPlatform != null) {
            return set;
        }
        String order = userOrder;
        if (order == null && osName.toLowerCase(Locale.ROOT).contains("linux") && !hasGpuDevice(dev)) {
            order = "sw";
            set.put(ORDER, order);
        }
        if (order != null && order.strip().startsWith("sw")) {
            set.put(NO_REGION_CACHE, "true");
        }
        return set;
    }

    /**
     * Environment for a child JVM that will open the window ({@code com.perprisk.TunedJvm}): on Linux without a GPU
     * device, {@code GDK_GL=disable}. GTK otherwise sets up OpenGL itself when it opens the display (to pick its
     * visuals), which loads Mesa's software driver and LLVM (~50 MB resident) for nothing: JavaFX draws with its
     * own pipeline and never uses GTK's OpenGL. An environment variable is read by GTK's native code only, so it
     * takes effect only in a process started with it.
     */
    static Map<String, String> childEnvironment(String osName, Path dev) {
        return osName.toLowerCase(Locale.ROOT).contains("linux") && !hasGpuDevice(dev)
                ? Map.of("GDK_GL", "disable") : Map.of();
    }

    /**
     * Adds {@link #childEnvironment} for this machine to a child process's environment, keeping any value the user
     * already set (for {@code com.perprisk.TunedJvm.run}: {@code RenderingPipeline.addChildEnvironment(pb.environment())}).
     */
    static void addChildEnvironment(Map<String, String> env) {
        for (Map.Entry<String, String> e : childEnvironment(System.getProperty("os.name", ""), Path.of("/dev"))
                .entrySet()) {
            env.putIfAbsent(e.getKey(), e.getValue());
        }
    }

    /**
     * Whether {@code dev} has a DRM device ({@code dri/*}) or an NVIDIA one ({@code nvidia*}). Plain loops, no
     * streams or lambdas: the launcher JVM of {@code java -jar} runs this before it starts the window's JVM.
     */
    private static boolean hasGpuDevice(Path dev) {
        if (!Files.isDirectory(dev)) {
            return true; // not the usual /dev: do not guess
        }
        try {
            if (Files.isDirectory(dev.resolve("dri"))) {
                try (DirectoryStream<Path> dri = Files.newDirectoryStream(dev.resolve("dri"))) {
                    if (dri.iterator().hasNext()) {
                        return true;
                    }
                }
            }
            try (DirectoryStream<Path> all = Files.newDirectoryStream(dev)) {
                for (Path p : all) {
                    if (p.getFileName().toString().startsWith("nvidia")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: JavaFX decides
        }
    }
}
