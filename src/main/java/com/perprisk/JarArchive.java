package com.perprisk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * The class-data archive (AppCDS) that {@code java -jar perprisk.jar} keeps for itself, as the packaged app's
 * installer writes one and as JDK 19's {@code -XX:+AutoCreateSharedArchive} would: the first desktop session runs
 * the window JVM with {@code -XX:ArchiveClassesAtExit} (the JVM writes the classes it loaded when it exits, about a
 * second after the window closes); every later start maps them with {@code -XX:SharedArchiveFile} instead of
 * loading, verifying and linking them again. The archive lives in the user's cache folder, one file named by a hash
 * of everything the JVM checks it against (the jar and the jars its manifest names, their sizes and times, the
 * JDK), so a rebuilt jar or another JDK never meets a stale archive: it trains a new one and the old one is
 * deleted. The file is written under a temporary name and moved into place only after a clean exit. CDS messages
 * are turned off: a JVM that cannot map an archive runs without it, silently. Off with
 * {@code -Dperprisk.jarArchive=false}, and whenever the user gives a CDS option of their own.
 */
final class JarArchive {
    /** System property: {@code false} starts the window JVM without the automatic archive. */
    static final String ENABLED = "perprisk.jarArchive";
    /** System property: the folder of the automatic archive (default: the user's cache folder, see {@link #defaultDirectory}). */
    static final String DIR = "perprisk.cache.dir";
    private static final String PREFIX = "perprisk-";
    private static final String SUFFIX = ".jsa";
    /** CDS warnings (a stale archive, classes the dump skips) would reach the user's terminal: off. */
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    /** The user's own CDS options: with any of them the automatic archive stays out of the way. */
    private static final List<String> USER_CDS = List.of("-Xshare:", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
            "-XX:SharedClassListFile", "-XX:DumpLoadedClassList", "-XX:-UseSharedSpaces", "-XX:+UseSharedSpaces");

    private final Path archive;
    private final Path training;

    private JarArchive(Path archive, Path training) {
        this.archive = archive;
        this.training = training;
    }

    /**
     * The automatic archive for this jar in {@code dir}; empty when it is turned off, when the user gave a CDS
     * option, or when the folder cannot be made.
     */
    static Optional<JarArchive> forJar(Path jar, List<String> userOptions, Path dir) {
        if ("false".equalsIgnoreCase(System.getProperty(ENABLED))) {
            return Optional.empty();
        }
        for (String o : userOptions) {
            for (String p : USER_CDS) {
                if (o.startsWith(p)) {
                    return Optional.empty();
                }
            }
        }
        try {
            Files.createDirectories(dir);
            Path archive = dir.resolve(PREFIX + key(jar) + SUFFIX);
            return Optional.of(new JarArchive(archive,
                    dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether this start writes the archive (none yet) rather than maps it. */
    boolean trains() {
        return !Files.isRegularFile(archive);
    }

    /** The window JVM's options for the archive: map it, or write it at exit. */
    List<String> options() {
        List<String> o = new ArrayList<>(QUIET);
        if (trains()) {
            o.add("-XX:ArchiveClassesAtExit=" + training);
        } else {
            o.add("-Xshare:auto");
            o.add("-XX:SharedArchiveFile=" + archive);
        }
        return o;
    }

    /**
     * After the window JVM ended with {@code status}: a training run's archive moves into place after a clean exit
     * (and the archives of other jars or JDKs go), any other leaves no file behind.
     */
    void finish(int status) {
        try {
            if (status == 0 && Files.isRegularFile(training) && Files.size(training) > 0) {
                Files.move(training, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                deleteOthers();
            }
        } catch (IOException | RuntimeException e) {
            // no archive this time: the next start trains again
        } finally {
            try {
                Files.deleteIfExists(training);
            } catch (IOException e) {
                // a leftover temporary file; a later finish deletes it with the stale archives
            }
        }
    }

    Path archive() {
        return archive;
    }

    Path training() {
        return training;
    }

    private void deleteOthers() throws IOException {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(archive.getParent(), PREFIX + "*")) {
            for (Path p : all) {
                String n = p.getFileName().toString();
                boolean stale = n.endsWith(SUFFIX) || n.endsWith(".tmp") && !stillTraining(p);
                if (!p.equals(archive) && stale) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Whether the launcher named in a training file still runs (another start training at the same time). */
    private static boolean stillTraining(Path tmp) {
        String[] parts = tmp.getFileName().toString().split("\\.");
        try {
            Optional<ProcessHandle> launcher = ProcessHandle.of(Long.parseLong(parts[parts.length - 2]));
            return launcher.isPresent() && launcher.get().isAlive();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A hash of what the JVM checks the archive against: the class path's jars (path, size, time) and the JDK. */
    static String key(Path jar) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(System.getProperty("java.home")).append('\n').append(System.getProperty("java.vm.version"));
        List<Path> jars = new ArrayList<>(List.of(jar.toAbsolutePath().normalize()));
        try (JarFile j = new JarFile(jar.toFile())) {
            String cp = j.getManifest() == null ? null
                    : j.getManifest().getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
            if (cp != null) {
                for (String entry : words(cp)) {
                    if (!entry.contains(":")) {
                        jars.add(jars.get(0).resolveSibling(entry).normalize());
                    }
                }
            }
        }
        for (Path p : jars) {
            s.append('\n').append(p);
            if (Files.exists(p)) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                s.append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis());
            }
        }
        // FNV-1a, 64 bits: a name, not a check (the JVM validates the archive itself); no security provider to load
        long h = 0xcbf29ce484222325L;
        for (byte b : s.toString().getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** The words of a manifest's class path, split at white space (no regular expression: the launcher runs this). */
    static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        int from = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean space = i == s.length() || Character.isWhitespace(s.charAt(i));
            if (space && from >= 0) {
                words.add(s.substring(from, i));
                from = -1;
            } else if (!space && from < 0) {
                from = i;
            }
        }
        return words;
    }

    /**
     * The cache folder: {@code perprisk.cache.dir} if set; else %LOCALAPPDATA%\PerpRisk\cache on Windows,
     * ~/Library/Caches/PerpRisk on macOS, $XDG_CACHE_HOME/perprisk or ~/.cache/perprisk elsewhere.
     */
    static Path defaultDirectory(Map<String, String> env) {
        String override = System.getProperty(DIR);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home", "."));
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local"))
                    .resolve("PerpRisk").resolve("cache");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("PerpRisk");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache")).resolve("perprisk");
    }
}
