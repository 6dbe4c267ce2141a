package com.perprisk;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Where the platform's loggers write ({@link System.Logger}, which JavaFX's warnings use): one line each on standard
 * error, {@code <LEVEL>: <logger>: <message>}, for INFO and above, as java.util.logging's console would print them
 * but without starting java.util.logging. Its first record (JavaFX's warning that it runs from the class path) set up
 * the log manager, its formatter and their date, locale and resource-bundle classes on the way to the first frame:
 * 80–130 ms at load 5. That warning itself is dropped: {@code java -jar} runs JavaFX from the class path on purpose
 * (the packaged app has it as modules), and the user can do nothing about it. Registered as the
 * {@code java.lang.System$LoggerFinder} service of the jar.
 */
public final class ConsoleLoggerFinder extends System.LoggerFinder {
    /** The start of JavaFX's class-path warning, which says nothing to the user. */
    static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new ConsoleLogger(name);
    }

    /** One logger: INFO and above, one line each on standard error. */
    record ConsoleLogger(String name) implements System.Logger {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level != Level.OFF && level.getSeverity() >= Level.INFO.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                print(level, localized(bundle, msg), thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                String text = localized(bundle, format);
                print(level, params == null || params.length == 0 ? text : MessageFormat.format(text, params), null);
            }
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
            if (isLoggable(level)) {
                print(level, msgSupplier.get(), null);
            }
        }

        private static String localized(ResourceBundle bundle, String key) {
            if (bundle == null || key == null) {
                return key;
            }
            try {
                return bundle.getString(key);
            } catch (RuntimeException e) {
                return key;
            }
        }

        /** {@code text} as the one line standard error gets, or null when it is not printed. */
        String line(Level level, String text, Throwable thrown) {
            if (text != null && text.startsWith(CLASS_PATH_WARNING)) {
                return null;
            }
            String t = thrown == null ? "" : " (" + thrown + ")";
            return level.getName() + ": " + name + ": " + (text == null ? "" : text.strip()) + t;
        }

        private void print(Level level, String text, Throwable thrown) {
            String line = line(level, text, thrown);
            if (line != null) {
                System.err.println(line);
            }
        }
    }
}
