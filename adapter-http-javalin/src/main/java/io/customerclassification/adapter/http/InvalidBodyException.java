package io.customerclassification.adapter.http;

/**
 * A request body that cannot be read: its bytes are not valid in its charset (UTF-8 unless its
 * {@code Content-Type} names another), its text is no JSON (or no CSV, or not the rows an import takes), or it holds
 * more rows than an import takes. Each dialect answers it in its format; the reason
 * says what is wrong and where, in plain words.
 */
public final class InvalidBodyException extends RuntimeException {

    /** What is wrong with the body. */
    public enum Problem {
        /** bytes that are no character of the body's charset */
        ENCODING,
        /** text that is no JSON, or JSON that is not the rows an import takes */
        SYNTAX,
        /** text that is no CSV, or CSV that is not the rows an import takes */
        CSV,
        /** more rows than an import takes ({@link ImportBody#MAX_ROWS}) */
        SIZE
    }

    private final Problem problem;
    private final String charset;

    /** @param charset the charset the body was decoded in ({@code UTF-8}), for {@link Problem#ENCODING} */
    InvalidBodyException(Problem problem, String charset, String reason) {
        super(reason, null, false, false);
        this.problem = problem;
        this.charset = charset;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * The sentence a dialect answers, about {@code body} as the dialect calls it ("Request body", "The payload"):
     * {@code The payload is not valid JSON: it ends before the object that starts at line 1, column 1 is closed}.
     */
    public String describe(String body) {
        return switch (problem) {
            case ENCODING -> body + " is not valid " + charset + ": " + getMessage();
            case SYNTAX -> body + " is not valid JSON: " + getMessage();
            case CSV -> body + " is not valid CSV: " + getMessage();
            case SIZE -> body + " is too large: " + getMessage();
        };
    }
}
