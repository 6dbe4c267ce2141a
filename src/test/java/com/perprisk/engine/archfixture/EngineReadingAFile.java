package com.perprisk.engine.archfixture;

import java.io.File;

/** Breaks the engine's rule on purpose (ArchitectureRulesFailTest): the engine must not touch java.io. */
public final class EngineReadingAFile {
    private EngineReadingAFile() {
    }

    public static boolean exists(String name) {
        return new File(name).exists();
    }
}
