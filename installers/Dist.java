import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds PerpRisk's packages; run by {@code mvn -Pdist package} (exec-maven-plugin, see pom.xml), one Java file so
 * that the same steps run on Linux, Windows and macOS without a shell:
 * <ol>
 * <li>jlink: a runtime with only the modules the app needs ({@code modules=}, from jdeps; see README);</li>
 * <li>jpackage {@code --type app-image}: {@code dest/PerpRisk} (on macOS {@code dest/PerpRisk.app});</li>
 * <li>AppCDS: one training run of the image to its first frame writes the class list
 *     ({@code perprisk.classlist}) and a static archive ({@code perprisk.jsa}) next to the jars; the launcher
 *     already names the archive ({@code -Xshare:auto}), so a missing or stale one only costs start-up time;
 *     on Linux without a display it runs under xvfb-run, or else on Monocle's headless platform; if the app does
 *     not reach its first frame, the build warns and goes on without the archive;</li>
 * <li>for any other {@code type=}: jpackage from that image, with the OS's installer options.</li>
 * </ol>
 * Arguments are {@code key=value}: type, os, version, modules, locales, cds, mods, input, work, dest (see the dist
 * profile in pom.xml).
 */
public final class Dist {
    private static final String NAME = "PerpRisk";

    private final Map<String, String> opt = new LinkedHashMap<>();
    private final Path jdkBin = Path.of(System.getProperty("java.home"), "bin");

    public static void main(String[] args) throws Exception {
        Dist d = new Dist();
        for (String a : args) {
            int eq = a.indexOf('=');
            d.opt.put(a.substring(0, eq), a.substring(eq + 1).trim());
        }
        d.run();
    }

    private String opt(String key) {
        String v = opt.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("Dist: missing " + key + "=");
        }
        return v;
    }

    private void run() throws Exception {
        String type = opt("type");
        String os = opt("os");
        Path dest = Path.of(opt("dest"));
        Path work = Path.of(opt("work"));
        Path runtime = work.resolve("runtime");
        List<String> allowed = switch (os) {
            case "linux" -> List.of("app-image", "deb", "rpm");
            case "windows" -> List.of("app-image", "msi", "exe");
            case "macos" -> List.of("app-image", "dmg", "pkg");
            default -> throw new IllegalArgumentException("Dist: unknown os " + os);
        };
        if (!allowed.contains(type)) {
            throw new IllegalArgumentException("Dist: dist.type=" + type + " cannot be built on " + os + "; here: "
                    + String.join(", ", allowed));
        }

        deleteTree(runtime);
        Path image = dest.resolve(os.equals("macos") ? NAME + ".app" : NAME);
        deleteTree(image);
        Files.createDirectories(work);
        Files.createDirectories(dest);

        List<String> jlink = new ArrayList<>(List.of(tool("jlink"), "--module-path", opt("mods"),
                "--add-modules", opt("modules"), "--include-locales", opt("locales"),
                "--strip-debug", "--no-man-pages", "--no-header-files", "--compress=2",
                "--output", runtime.toString()));
        exec(jlink, null);
        slimRuntime(runtime, os);

        List<String> appImage = new ArrayList<>(List.of(tool("jpackage"), "--type", "app-image",
                "--dest", dest.toString(), "--app-version", opt("version"), "--input", opt("input"),
                "--runtime-image", runtime.toString(), "@installers/package.args", "@installers/app.args",
                "@installers/" + os + "/app-image.args"));
        exec(appImage, null);
        System.out.println("[dist] app-image: " + image + " (" + mb(size(image)) + ")");

        if (Boolean.parseBoolean(opt.getOrDefault("cds", "true"))) {
            new Cds(image, os, work).build();
            System.out.println("[dist] app-image with CDS archive: " + mb(size(image)));
        }

        if (!type.equals("app-image")) {
            // The archive is bound to the image's absolute path (JDK 17 checks the class path), so it would not
            // match where the installer puts the app: the installers ship the class list only.
            Path staged = work.resolve("installer-image");
            deleteTree(staged);
            copyTree(image, staged.resolve(image.getFileName()));
            try (Stream<Path> s = Files.walk(staged)) {
                for (Path p : s.filter(p -> p.getFileName().toString().equals("perprisk.jsa")).toList()) {
                    Files.delete(p);
                }
            }
            List<String> installer = new ArrayList<>(List.of(tool("jpackage"), "--type", type,
                    "--dest", dest.toString(), "--app-version", opt("version"),
                    "--app-image", staged.resolve(image.getFileName()).toString(),
                    "--file-associations", "installers/perprisk-workspace.properties",
                    "--license-file", "installers/LICENSE.txt",
                    "@installers/package.args", "@installers/" + os + "/installer.args"));
            // options for one package type only (the deb's and the rpm's dependency names differ)
            if (Files.isRegularFile(Path.of("installers", os, type + ".args"))) {
                installer.add("@installers/" + os + "/" + type + ".args");
            }
            exec(installer, null);
            try (Stream<Path> s = Files.list(dest)) {
                for (Path p : s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                        .endsWith("." + type)).toList()) {
                    System.out.println("[dist] " + type + ": " + p + " (" + mb(size(p)) + ")");
                }
            }
        }
    }

    /** Drops what the launcher never uses: the unstripped symbol table of Debian's libjvm.so (about 4 MB). */
    private static void slimRuntime(Path runtime, String os) throws Exception {
        if (!os.equals("linux")) {
            return;
        }
        Path libjvm = runtime.resolve("lib/server/libjvm.so");
        if (Files.isRegularFile(libjvm) && onPath("strip")) {
            libjvm.toFile().setWritable(true);
            exec(List.of("strip", "--strip-unneeded", libjvm.toString()), null);
        }
    }

    /** The AppCDS training run and dump. */
    private final class Cds {
        private final Path image;
        private final String os;
        private final Path work;

        Cds(Path image, String os, Path work) {
            this.image = image;
            this.os = os;
            this.work = work;
        }

        void build() throws Exception {
            Path appDir = switch (os) {
                case "macos" -> image.resolve("Contents/app");
                case "windows" -> image.resolve("app");
                default -> image.resolve("lib/app");
            };
            Path java = switch (os) {
                case "macos" -> image.resolve("Contents/runtime/Contents/Home/bin/java");
                case "windows" -> image.resolve("runtime/bin/java.exe");
                default -> image.resolve("lib/runtime/bin/java");
            };
            Path cfg = appDir.resolve(NAME + ".cfg");
            if (!Files.isExecutable(java) || !Files.isRegularFile(cfg)) {
                warn("no java or cfg in the image (" + java + ", " + cfg + ")");
                return;
            }
            Launch launch = Launch.read(cfg, appDir);
            Path classlist = appDir.resolve("perprisk.classlist");
            Path archive = appDir.resolve("perprisk.jsa");
            Files.deleteIfExists(classlist);
            Files.deleteIfExists(archive);

            List<String> train = new ArrayList<>();
            List<String> headless = List.of();
            if (os.equals("linux") && System.getenv("DISPLAY") == null) {
                if (onPath("xvfb-run")) {
                    train.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
                } else {
                    // no display and no Xvfb: Monocle's headless platform loads fewer of the classes a desktop
                    // start needs, but still most of them
                    headless = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                            "-Dprism.order=sw");
                }
            }
            train.add(java.toString());
            train.addAll(launch.javaOptions);
            train.addAll(headless);
            train.addAll(List.of("-Xshare:off", "-XX:DumpLoadedClassList=" + classlist,
                    "-Dperprisk.exitAfterFirstFrame=true",
                    "-Dperprisk.settings.dir=" + work.resolve("cds-settings").toAbsolutePath(),
                    "-cp", launch.classPath, launch.mainClass));
            String out;
            try {
                out = exec(train, work.resolve("cds-training.log"), 3); // a hung window must not hang the build
            } catch (Exception e) {
                warn("the training run failed (" + e.getMessage() + "); see " + work.resolve("cds-training.log"));
                Files.deleteIfExists(classlist);
                return;
            }
            if (!out.contains("first-frame-ms=") || !Files.isRegularFile(classlist)) {
                warn("the training run showed no first frame; see " + work.resolve("cds-training.log"));
                Files.deleteIfExists(classlist);
                return;
            }
            List<String> dump = new ArrayList<>();
            dump.add(java.toString());
            dump.addAll(launch.javaOptions);
            dump.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classlist,
                    "-XX:SharedArchiveFile=" + archive, "-cp", launch.classPath));
            try {
                exec(dump, work.resolve("cds-dump.log"));
            } catch (Exception e) {
                warn("the dump failed (" + e.getMessage() + "); see " + work.resolve("cds-dump.log"));
                Files.deleteIfExists(archive);
                return;
            }
            System.out.println("[dist] CDS: " + Files.readAllLines(classlist).size() + " classes, archive "
                    + mb(Files.size(archive)) + " (" + out.strip().lines().filter(l -> l.startsWith("first-frame"))
                    .findFirst().orElse("") + " in the training run)");
        }

        private void warn(String why) {
            System.out.println("[dist] WARNING: no CDS archive: " + why + ". The app starts without it.");
        }
    }

    /** The launcher's configuration (lib/app/PerpRisk.cfg) as a java command line, $APPDIR expanded. */
    record Launch(List<String> javaOptions, String classPath, String mainClass) {
        static Launch read(Path cfg, Path appDir) throws IOException {
            String dir = appDir.toAbsolutePath().toString();
            List<String> options = new ArrayList<>();
            List<String> cp = new ArrayList<>();
            String main = null;
            for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
                String v = line.contains("=") ? line.substring(line.indexOf('=') + 1).replace("$APPDIR", dir) : "";
                if (line.startsWith("java-options=")) {
                    // the launcher's own archive options; the training and dump set their own
                    if (!v.startsWith("-Xshare:") && !v.startsWith("-XX:SharedArchiveFile=")) {
                        options.add(v);
                    }
                } else if (line.startsWith("app.classpath=")) {
                    cp.add(v);
                } else if (line.startsWith("app.mainclass=")) {
                    main = v;
                }
            }
            return new Launch(options, String.join(java.io.File.pathSeparator, cp), main);
        }
    }

    private String tool(String name) {
        Path p = jdkBin.resolve(name + (isWindows() ? ".exe" : ""));
        return Files.isExecutable(p) ? p.toString() : name;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static boolean onPath(String cmd) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, cmd)));
    }

    /** Runs a command; its output goes to the console, or to {@code log} (returned either way). */
    private static String exec(List<String> cmd, Path log) throws Exception {
        return exec(cmd, log, 15);
    }

    private static String exec(List<String> cmd, Path log, int minutes) throws Exception {
        System.out.println("[dist] $ " + String.join(" ", cmd));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (var r = p.inputReader(StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.append(line).append('\n');
                    if (log == null) {
                        System.out.println(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd.get(0));
        }
        reader.join();
        if (log != null) {
            Files.writeString(log, out);
        }
        if (p.exitValue() != 0) {
            if (log == null) {
                throw new IOException(cmd.get(0) + " exited with " + p.exitValue());
            }
            throw new IOException("exit " + p.exitValue());
        }
        return out.toString();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                q.toFile().setWritable(true);
                Files.delete(q);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static long size(Path p) throws IOException {
        if (Files.isRegularFile(p)) {
            return Files.size(p);
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(q -> q.toFile().length()).sum();
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
