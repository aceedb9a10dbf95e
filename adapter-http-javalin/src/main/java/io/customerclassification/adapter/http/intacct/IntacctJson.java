package io.customerclassification.adapter.http.intacct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // a limit's message names the parser's own setting ("from `StreamReadConstraints…`"): keep the limit only
            String reason = e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
            throw new IntacctException(IntacctCodes.payloadErrors(List.of(IntacctCodes.invalidJson(reason))));
        }
    }

    /** Writes {@code body} as UTF-8 bytes straight from the tree (no intermediate {@code String}). */
    static void write(Context ctx, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        ctx.status(status).contentType("application/json").result(bytes);
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

    /** {@code {key, id, href}}, as lists and writes return it. */
    static ObjectNode reference(CustomerType type) {
        ObjectNode node = NODES.objectNode();
        node.put("key", type.key().toString());
        node.put("id", type.name().value());
        node.put("href", href(type.key()));
        return node;
    }

    /** The full object, as GET of one type returns it. */
    static ObjectNode full(CustomerTypeView view, Company company) {
        CustomerType type = view.type();
        ObjectNode node = NODES.objectNode();
        node.put("key", type.key().toString());
        node.put("id", type.name().value());
        ObjectNode parent = node.putObject("parent");
        if (type.isRoot()) {
            parent.putNull("key");
            parent.putNull("id");
            parent.putNull("href");
        } else {
            parent.put("key", type.parentKey().toString());
            parent.put("id", view.parentName().value());
            parent.put("href", href(type.parentKey()));
        }
        node.put("status", status(type));
        ObjectNode audit = node.putObject("audit");
        audit.put("createdDateTime", timestamp(type.audit().createdAt()));
        audit.put("modifiedDateTime", timestamp(type.audit().modifiedAt()));
        audit.put("createdBy", type.audit().createdBy());
        audit.put("modifiedBy", type.audit().modifiedBy());
        node.set("entity", entity(company));
        node.put("href", href(type.key()));
        return node;
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
