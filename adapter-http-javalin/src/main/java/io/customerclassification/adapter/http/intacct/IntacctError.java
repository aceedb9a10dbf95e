package io.customerclassification.adapter.http.intacct;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Intacct error: what goes into {@code ia::error}. {@code details} are the per-field problems of a payload.
 *
 * @param target for a detail, the JSON pointer of the field concerned; null on the top-level error
 */
record IntacctError(
        int status,
        String code,
        String message,
        String errorId,
        String messageId,
        Map<String, String> placeholders,
        String target,
        List<IntacctError> details) {

    IntacctError {
        placeholders = Collections.unmodifiableMap(new LinkedHashMap<>(placeholders)); // in the order given
        details = List.copyOf(details);
    }

    static IntacctError detail(String code, String errorId, String messageId, String message, String target) {
        return new IntacctError(400, code, message, errorId, messageId, Map.of(), target, List.of());
    }
}
