package io.customerclassification.adapter.http.simpro;

import java.util.List;

/** A request the Simpro dialect refuses: the status and every problem found, rendered by {@link SimproErrors}. */
final class SimproException extends RuntimeException {

    private final int status;
    private final List<SimproProblem> problems;

    SimproException(int status, List<SimproProblem> problems) {
        super(problems.isEmpty() ? "status " + status : problems.get(0).message(), null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    static SimproException of(int status, String path, String message, com.fasterxml.jackson.databind.JsonNode value) {
        return new SimproException(status, List.of(new SimproProblem(path, message, value)));
    }

    static SimproException notFound(String message) {
        return of(404, null, message, null);
    }

    int status() {
        return status;
    }

    List<SimproProblem> problems() {
        return problems;
    }
}
