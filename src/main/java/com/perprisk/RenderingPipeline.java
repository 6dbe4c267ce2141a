package com.perprisk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * JavaFX's rendering pipeline, chosen before the toolkit starts where the outcome is already known. On Linux JavaFX
 * first tries its OpenGL pipeline (es2): that loads the system's GL driver and creates a context, and only then
 * checks the GPU's vendor, falling back to the software pipeline for anything but a GPU vendor. Without a GPU
 * device node there is no GPU driver, so Mesa renders in software (llvmpipe, vendor "Mesa/X.org" or "Mesa"), which
 * that check always rejects: the attempt only costs time and about 50 MB of resident memory that stays (Mesa's
 * driver and the LLVM it loads). There the app asks for the software pipeline directly: the same pixels, without
 * the detour. A {@code -Dprism.order} the user gave wins; with a GPU, on Windows and on macOS nothing is chosen.
 */
final class RenderingPipeline {
    /** JavaFX's system property naming the pipelines to try, in order. */
    static final String ORDER = "prism.order";

    private RenderingPipeline() {
    }

    /** Sets {@code prism.order=sw} when the OpenGL pipeline cannot be used here (see the class comment). */
    static void chooseBeforeToolkitStarts() {
        if (System.getProperty(ORDER) == null) {
            order(System.getProperty("os.name", ""), System.getProperty("glass.platform"), Path.of("/dev"))
                    .ifPresent(o -> System.setProperty(ORDER, o));
        }
    }

    /**
     * The pipeline order to ask for on {@code osName} with the device directory {@code dev}, or empty to leave
     * JavaFX's own: "sw" on Linux with neither a DRM device ({@code dev/dri/*}) nor NVIDIA's ({@code dev/nvidia*}).
     */
    static Optional<String> order(String osName, String glassPlatform, Path dev) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux") || glassPlatform != null) {
            return Optional.empty();
        }
        return hasGpuDevice(dev) ? Optional.empty() : Optional.of("sw");
    }

    private static boolean hasGpuDevice(Path dev) {
        if (!Files.isDirectory(dev)) {
            return true; // not the usual /dev: do not guess
        }
        try (Stream<Path> dri = Files.isDirectory(dev.resolve("dri")) ? Files.list(dev.resolve("dri")) : Stream.empty();
             Stream<Path> all = Files.list(dev)) {
            return dri.findAny().isPresent()
                    || all.anyMatch(p -> p.getFileName().toString().startsWith("nvidia"));
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: JavaFX decides
        }
    }
}
