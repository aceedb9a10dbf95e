package io.customerclassification.adapter.http;

/**
 * A request body that cannot be read as JSON text: its bytes are not valid in its charset (UTF-8 unless its
 * {@code Content-Type} names another), or its text is no JSON. Each dialect answers it in its format; the reason
 * says what is wrong and where, in plain words.
 */
public final class InvalidBodyException extends RuntimeException {

    /** What is wrong with the body. */
    public enum Problem {
        /** bytes that are no character of the body's charset */
        ENCODING,
        /** text that is no JSON */
        SYNTAX
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
        return body + " is not valid " + (problem == Problem.ENCODING ? charset : "JSON") + ": " + getMessage();
    }
}
