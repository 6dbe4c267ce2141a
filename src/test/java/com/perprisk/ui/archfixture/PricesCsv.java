package com.perprisk.ui.archfixture;

import java.util.List;

/** Breaks the format rule on purpose (ArchitectureRulesFailTest): a CSV parser outside io. */
public final class PricesCsv {
    private PricesCsv() {
    }

    public static List<String> parse(String text) {
        return List.of(text.split(","));
    }
}
