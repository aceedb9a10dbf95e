package io.customerclassification.application.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The first answer to a request made with an idempotency key, kept to be answered again to its retries. The
 * application stores it as it is given and reads nothing in it: its status, headers and body are the adapter's.
 *
 * @param headers the headers to answer again, by name, in order
 */
public record RecordedAnswer(int status, Map<String, String> headers, byte[] body) {

    public RecordedAnswer {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("no status: " + status);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedAnswer that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RecordedAnswer[" + status + ", " + headers + ", " + body.length + " bytes]";
    }
}
