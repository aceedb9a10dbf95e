package io.customerclassification.adapter.http.intacct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.query.AggregateValue;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import java.time.Instant;
import java.util.List;

/** Query service rows: flat objects with the dotted field names as keys. */
final class QueryRows {

    private QueryRows() {}

    static ObjectNode row(CustomerTypeView view, Company company, List<IntacctField> fields) {
        CustomerType type = view.type();
        ObjectNode row = IntacctJson.NODES.objectNode();
        JsonNode entity = IntacctJson.entity(company);
        for (IntacctField field : fields) {
            JsonNode value = switch (field) {
                case KEY -> text(type.key().toString());
                case ID -> text(type.name().value());
                case HREF -> text(IntacctJson.href(type.key()));
                case STATUS -> text(IntacctJson.status(type));
                case PARENT_KEY -> type.isRoot() ? null : text(type.parentKey().toString());
                case PARENT_ID -> type.isRoot() ? null : text(view.parentName().value());
                case PARENT_HREF -> type.isRoot() ? null : text(IntacctJson.href(type.parentKey()));
                case CREATED -> text(IntacctJson.timestamp(type.audit().createdAt()));
                case MODIFIED -> text(IntacctJson.timestamp(type.audit().modifiedAt()));
                case CREATED_BY -> type.audit().createdBy() == null ? null : text(type.audit().createdBy());
                case MODIFIED_BY -> type.audit().modifiedBy() == null ? null : text(type.audit().modifiedBy());
                case ENTITY_KEY -> entity.get("key");
                case ENTITY_ID -> entity.get("id");
                case ENTITY_NAME -> entity.get("name");
            };
            row.set(field.label(), value == null ? IntacctJson.NODES.nullNode() : value);
        }
        return row;
    }

    /** An aggregate's value: a number for count, sum and average, in the representation of its field for min and max. */
    static JsonNode aggregate(IntacctField field, AggregateValue value) {
        if (value instanceof AggregateValue.Count count) {
            return IntacctJson.NODES.numberNode(count.count());
        }
        if (value instanceof AggregateValue.Sum sum) {
            return IntacctJson.NODES.numberNode(sum.sum());
        }
        if (value instanceof AggregateValue.Average average) {
            return IntacctJson.NODES.numberNode(average.average());
        }
        return value(field, ((AggregateValue.Extreme) value).value());
    }

    /** A min/max aggregate value in the representation of its field. */
    private static JsonNode value(IntacctField field, Object value) {
        if (value == null) {
            return IntacctJson.NODES.nullNode();
        }
        if (value instanceof Instant instant) {
            return text(IntacctJson.timestamp(instant));
        }
        if (value instanceof Long number && (field == IntacctField.KEY || field == IntacctField.PARENT_KEY)) {
            return text(CustomerTypeKey.of(number).toString());
        }
        return text(value.toString());
    }

    private static JsonNode text(String text) {
        return IntacctJson.NODES.textNode(text);
    }
}
