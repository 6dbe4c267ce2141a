package com.perprisk.io;

import com.perprisk.engine.Portfolio;

import java.util.List;

/**
 * What {@link WorkspaceMapper#toPortfolio} made of a document.
 *
 * @param portfolio the engine's portfolio, or {@code null} when there is at least one ERROR
 * @param problems  every error and warning, in document order
 */
public record MappingResult(Portfolio portfolio, List<FieldProblem> problems) {

    public MappingResult {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(FieldProblem::isError);
    }

    public List<FieldProblem> errors() {
        return problems.stream().filter(FieldProblem::isError).toList();
    }

    public List<FieldProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** The problems of one field or anything below it (e.g. "positions[2]" gives all of that position's). */
    public List<FieldProblem> problemsAt(String pathPrefix) {
        return problems.stream().filter(p -> p.path().equals(pathPrefix) || p.path().startsWith(pathPrefix + ".")
                || p.path().startsWith(pathPrefix + "[")).toList();
    }
}
