package io.customerclassification.adapter.http.simpro;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a Simpro error body: {@code {"path": "/Name" | null, "message": "...", "value": <sent> | null}}.
 *
 * @param path a JSON pointer into the request body or the query column, or null
 * @param value the value that was sent, or null
 */
record SimproProblem(String path, String message, JsonNode value) {}
