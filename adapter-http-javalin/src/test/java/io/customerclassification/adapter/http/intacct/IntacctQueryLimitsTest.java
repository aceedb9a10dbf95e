package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertBadRequest;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.customerclassification.adapter.http.ApiClient.Reply;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The documented limits of one query service request (docs/api-intacct.md, "Limits"): a request at each limit is
 * served, one past it is a 400 that names the limit — never a 500, whatever the size of the request.
 */
class IntacctQueryLimitsTest {

    private static final String OBJECT = "'object':'accounts-receivable/customer-type'";

    private final IntacctHarness harness = new IntacctHarness();

    private static String repeat(int times, String item) {
        return String.join(",", Collections.nCopies(times, item));
    }

    private static String query(String parts) {
        return "{" + OBJECT + "," + parts + "}";
    }

    private static void assertServed(Reply reply, String... keys) {
        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of(keys), column(reply, "key"), reply.body());
    }

    @Test
    void filtersUpToTheLimitAreServedOnePastIsRefused() {
        harness.run(api -> {
            api.create("{'id':'Gold'}");
            api.create("{'id':'Silver'}");
            String match = "{'$ne':{'id':'Bronze'}}";
            assertServed(api.query(query("'filters':[" + repeat(QueryRequest.MAX_FILTERS, match) + "]")), "1", "2");
            assertServed(api.query(query("'filters':[" + repeat(QueryRequest.MAX_FILTERS, match)
                    + "],'filterExpression':'or'")), "1", "2");
            assertBadRequest(api.query(query("'filters':[" + repeat(QueryRequest.MAX_FILTERS + 1, match) + "]")),
                    "CC-3003", "filters has 1001 entries; at most 1000 are allowed", "/filters");
            assertBadRequest(api.query(query("'filters':[" + repeat(5_000, match) + "]")),
                    "CC-3003", "filters has 5000 entries; at most 1000 are allowed", "/filters");
        });
    }

    @Test
    void anExpressionNamesAtMostAThousandConditions() {
        harness.run(api -> {
            api.create("{'id':'Gold'}");
            String filters = "'filters':[{'$eq':{'id':'Gold'}},{'$eq':{'id':'Silver'}}]";
            String thousand = String.join(" or ", Collections.nCopies(FilterExpression.MAX_CONDITION_NUMBERS / 2,
                    "(1 and 1)"));
            assertServed(api.query(query(filters + ",'filterExpression':'" + thousand + "'")), "1");
            assertServed(api.query(query(filters + ",'filterExpression':'" + thousand.replace("(1 and 1)", "2")
                    .replaceFirst("2", "1") + "'")), "1");
            Reply past = api.query(query(filters + ",'filterExpression':'" + thousand + " or 2'"));
            assertBadRequest(past, "CC-3004", "filterExpression names more than 1000 conditions; at most 1000 are"
                    + " allowed (the one past the limit is at position " + (thousand.length() + 5) + ")",
                    "/filterExpression");
        });
    }

    @Test
    void aListOperatorTakesAtMostAThousandValues() {
        harness.run(api -> {
            api.create("{'id':'Gold'}");
            String values = IntStream.rangeClosed(1, QueryRequest.MAX_LIST_VALUES)
                    .mapToObj(i -> "'" + (i == 700 ? "Gold" : "Name " + i) + "'").collect(Collectors.joining(","));
            assertServed(api.query(query("'filters':[{'$in':{'id':[" + values + "]}}]")), "1");
            assertServed(api.query(query("'filters':[{'$notIn':{'key':[" + repeat(QueryRequest.MAX_LIST_VALUES, "2")
                    + "]}}]")), "1");
            assertBadRequest(api.query(query("'filters':[{'$eq':{'id':'x'}},{'$notIn':{'id':[" + values
                    + ",'one more']}}]")), "CC-3003", "This operator takes at most 1000 values; 1001 were sent",
                    "/filters/1/$notIn/id");
        });
    }

    @Test
    void theComparisonsAFilterExpressionStandsForAreBounded() {
        harness.run(api -> {
            api.create("{'id':'Gold'}");
            String dates = repeat(QueryRequest.MAX_LIST_VALUES, "'2020-01-01'");
            String filters = "'filters':[{'$notIn':{'audit.createdDateTime':[" + dates + "]}}]";
            String five = String.join(" and ", Collections.nCopies(5, "1"));
            assertServed(api.query(query(filters + ",'filterExpression':'" + five + "'")), "1");
            assertBadRequest(api.query(query(filters + ",'filterExpression':'" + five + " and 1'")), "CC-3004",
                    "The filters and filterExpression stand for 6000 comparisons; at most 5000 are allowed (a filter"
                            + " counts once for each time filterExpression names it, a date $in or $notIn once per"
                            + " value)", "/filterExpression");
        });
    }

    @Test
    void orderByAndFieldsAreBounded() {
        harness.run(api -> {
            api.create("{'id':'Gold'}");
            assertServed(api.query(query("'orderBy':[" + repeat(QueryRequest.MAX_ORDER_BY, "{'id':'desc'}") + "]")),
                    "1");
            assertBadRequest(api.query(query("'orderBy':[" + repeat(QueryRequest.MAX_ORDER_BY + 1, "{'id':'desc'}")
                    + "]")), "CC-3005", "orderBy has 11 entries; at most 10 are allowed", "/orderBy");
            assertServed(api.query(query("'fields':[" + repeat(QueryRequest.MAX_FIELDS, "'key'") + "]")), "1");
            assertBadRequest(api.query(query("'fields':[" + repeat(QueryRequest.MAX_FIELDS + 1, "'key'") + "]")),
                    "CC-3002", "fields has 101 entries; at most 100 are allowed", "/fields");
        });
    }

    @Test
    void pagingPastTheLargestIntegerSaysTheMaximum() {
        harness.run(api -> {
            assertBadRequest(api.query(query("'start':2147483648")), "CC-3006",
                    "start must be an integer from 1 to 2147483647, got 2147483648", "/start");
            assertBadRequest(api.query(query("'size':4001")), "CC-3006", "size must be an integer from 1 to 4000, got"
                    + " 4001", "/size");
            assertBadRequest(api.get(IntacctHarness.OBJECTS + "?start=99999999999999999999"), "CC-3006",
                    "start must be an integer from 1 to 2147483647, got 99999999999999999999", "/start");
        });
    }
}
