package com.perprisk.ui.workspace;

/**
 * A problem with one input, at the path of the field in the workspace document, e.g. {@code positions[2].leverage},
 * {@code markets[0].tiers[1].mmr}, {@code account.walletBalance}. Views decorate the field or cell at that path.
 *
 * @param path    field path in the document
 * @param message one sentence for the user
 * @param error   true: no results until fixed; false: a warning, results are still computed
 */
public record InputProblem(String path, String message, boolean error) {

    /** The path in words, e.g. "Position 3 · leverage", for the status line. */
    public String where() {
        return FieldPaths.describe(path);
    }

    /** The path in words with positions named by their IDs, e.g. "Position btc-long · leverage". */
    public String where(java.util.List<String> positionIds) {
        return FieldPaths.describe(path, positionIds);
    }
}
