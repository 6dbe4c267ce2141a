package com.perprisk.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Saves one file and prints what happened; {@link AtomicFilesTest} runs it as a user without root's rights. */
public final class AtomicFilesProbe {
    private AtomicFilesProbe() {
    }

    static String save(Path target) {
        try {
            AtomicFiles.write(target, out -> out.write("x".getBytes(StandardCharsets.UTF_8)));
            return "saved";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    public static void main(String[] args) {
        System.out.println(save(Path.of(args[0])));
    }
}
