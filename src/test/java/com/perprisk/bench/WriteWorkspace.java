package com.perprisk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the workspace the start-up and memory probe opens for "N positions" (installers/measure-startup.sh): N
 * cross positions in N markets on Binance's 12-bracket table, as {@link ScaleProbe} generates them.
 * <pre>java -cp target/test-classes:target/classes:target/lib/* com.perprisk.bench.WriteWorkspace 200 FILE</pre>
 */
public final class WriteWorkspace {
    private WriteWorkspace() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[1]), ScaleProbe.workspace(Integer.parseInt(args[0]), true, true));
    }
}
