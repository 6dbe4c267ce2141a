package com.perprisk.ui.archfixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks three rules on purpose (ArchitectureRulesFailTest): reads JSON outside io, prints, and uses cli. */
public final class UiParsingJson {
    private UiParsingJson() {
    }

    public static JsonNode read(String text) throws Exception {
        System.out.println("reading " + text.length() + " characters");
        com.perprisk.cli.Cli.usage();
        return new ObjectMapper().readTree(text);
    }
}
