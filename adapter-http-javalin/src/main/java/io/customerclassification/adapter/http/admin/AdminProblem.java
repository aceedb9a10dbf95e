package io.customerclassification.adapter.http.admin;

import java.util.List;

/**
 * A refusal of the admin API as an RFC 9457 problem: a status, a type of our own (a URN, stable for programs),
 * a sentence for people, and for a bad body one entry per problem with a JSON pointer into it.
 */
final class AdminProblem extends RuntimeException {

    /** One problem of a request body: where (a JSON pointer) and what. */
    record Entry(String pointer, String detail) {}

    private final int status;
    private final String type;
    private final List<Entry> errors;

    AdminProblem(int status, String type, String detail, List<Entry> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    static AdminProblem of(int status, String type, String detail) {
        return new AdminProblem(status, type, detail, List.of());
    }

    static AdminProblem invalidBody(List<Entry> errors) {
        return new AdminProblem(400, AdminProblems.INVALID_BODY, "The request body has problems", errors);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    List<Entry> errors() {
        return errors;
    }
}
