package io.customerclassification.adapter.http.intacct;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.adapter.http.JsonBody;
import io.customerclassification.application.model.CustomerTypeAncestor;
import io.customerclassification.application.model.CustomerTypeDescendant;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.Name;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** JSON reading and writing of the Intacct dialect, and the customer-type representations. */
final class IntacctJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    static final String HREF_BASE = "/objects/accounts-receivable/customer-type/";

    private IntacctJson() {}

    /** @throws io.customerclassification.adapter.http.InvalidBodyException when the text is no JSON */
    static JsonNode read(String text) {
        return JsonBody.parse(MAPPER, text);
    }

    /** Writes {@code body} as UTF-8 bytes straight from the tree (no intermediate {@code String}). */
    static void write(Context ctx, int status, JsonNode body) {
        write(ctx, status, tree(body));
    }

    static String text(JsonNode body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static String href(CustomerTypeKey key) {
        return HREF_BASE + key;
    }

    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String status(CustomerType type) {
        return type.status().name().toLowerCase(Locale.ROOT);
    }

    /** Writes the part of an answer that goes under {@code ia::result}. */
    @FunctionalInterface
    interface Result {
        void write(JsonGenerator json) throws IOException;
    }

    /** {@code {"ia::result": …, "ia::meta": {"totalCount": 1}}}: one object created, read or changed. */
    static void writeSingle(Context ctx, int status, Result result) {
        ctx.status(status).contentType("application/json").result(single(result));
    }

    /** The bytes of {@link #writeSingle}'s answer, for an answer kept before it is written. */
    static byte[] single(Result result) {
        return bytes(json -> {
            json.writeStartObject();
            json.writeFieldName("ia::result");
            result.write(json);
            json.writeObjectFieldStart("ia::meta");
            json.writeNumberField("totalCount", 1);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** A page: {@code ia::result} and the {@code ia::meta} paging as CONTRACT §2 fixes it. */
    static void writePage(Context ctx, Result result, long total, long start, int size) {
        write(ctx, 200, json -> {
            json.writeStartObject();
            json.writeFieldName("ia::result");
            result.write(json);
            json.writeObjectFieldStart("ia::meta");
            json.writeNumberField("totalCount", total);
            json.writeNumberField("start", start);
            json.writeNumberField("pageSize", size);
            json.writeFieldName("next");
            if (start + size <= total) {
                json.writeNumber(start + size);
            } else {
                json.writeNull();
            }
            json.writeFieldName("previous");
            if (start > 1) {
                json.writeNumber(Math.max(1, start - size));
            } else {
                json.writeNull();
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** A result built as a tree (the query service's projected rows). */
    static Result tree(JsonNode node) {
        return json -> json.writeTree(node);
    }

    /**
     * Writes straight to UTF-8 bytes with a streaming generator: no tree of nodes, no intermediate
     * {@code String}, which on the hot routes cost a noticeable share of a request (docs/performance.md).
     */
    private static void write(Context ctx, int status, Result body) {
        ctx.status(status).contentType("application/json").result(bytes(body));
    }

    private static byte[] bytes(Result body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = MAPPER.createGenerator(bytes)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
        return bytes.toByteArray();
    }

    /** {@code {key, id, href}}, as lists and writes return it. */
    static void writeReference(JsonGenerator json, CustomerTypeKey key, Name name) throws IOException {
        json.writeStartObject();
        writeReferenceFields(json, key, name);
        json.writeEndObject();
    }

    private static void writeReferenceFields(JsonGenerator json, CustomerTypeKey key, Name name) throws IOException {
        String digits = key.toString();
        json.writeStringField("key", digits);
        json.writeStringField("id", name.value());
        json.writeStringField("href", HREF_BASE + digits);
    }

    /**
     * A type in a subtree read (extension): its reference, its parent's, and under {@code ia::hierarchy} how many
     * levels below the type asked for it sits.
     */
    static void writeDescendant(JsonGenerator json, CustomerTypeDescendant descendant) throws IOException {
        json.writeStartObject();
        writeReferenceFields(json, descendant.key(), descendant.name());
        json.writeObjectFieldStart("parent");
        writeReferenceFields(json, descendant.parentKey(), descendant.parentName());
        json.writeEndObject();
        json.writeObjectFieldStart("ia::hierarchy");
        json.writeNumberField("level", descendant.level());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A type on the path to the root (extension): its reference and, under {@code ia::hierarchy}, its level above. */
    static void writeAncestor(JsonGenerator json, CustomerTypeAncestor ancestor) throws IOException {
        json.writeStartObject();
        writeReferenceFields(json, ancestor.key(), ancestor.name());
        json.writeObjectFieldStart("ia::hierarchy");
        json.writeNumberField("level", ancestor.level());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The full object, as GET of one type returns it. */
    static void writeFull(JsonGenerator json, CustomerTypeView view, Company company) throws IOException {
        CustomerType type = view.type();
        json.writeStartObject();
        json.writeStringField("key", type.key().toString());
        json.writeStringField("id", type.name().value());
        json.writeObjectFieldStart("parent");
        if (type.isRoot()) {
            json.writeNullField("key");
            json.writeNullField("id");
            json.writeNullField("href");
        } else {
            writeReferenceFields(json, type.parentKey(), view.parentName());
        }
        json.writeEndObject();
        json.writeStringField("status", status(type));
        json.writeObjectFieldStart("audit");
        json.writeStringField("createdDateTime", timestamp(type.audit().createdAt()));
        json.writeStringField("modifiedDateTime", timestamp(type.audit().modifiedAt()));
        json.writeStringField("createdBy", type.audit().createdBy());
        json.writeStringField("modifiedBy", type.audit().modifiedBy());
        json.writeEndObject();
        json.writeFieldName("entity");
        json.writeTree(entity(company));
        json.writeStringField("href", href(type.key()));
        json.writeEndObject();
    }

    /** {@code {key, id, name}}: all null for company 0, else the company's. */
    static ObjectNode entity(Company company) {
        ObjectNode entity = NODES.objectNode();
        if (company.id().isDefault()) {
            entity.putNull("key");
            entity.putNull("id");
            entity.putNull("name");
        } else {
            entity.put("key", company.id().toString());
            entity.put("id", company.id().toString());
            entity.put("name", company.name().value());
        }
        return entity;
    }
}
