package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertBadRequest;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertError;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.column;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.targets;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient.Reply;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sixteen filter operators of the query service, each with a matching and a non-matching case, on text
 * fields (case-sensitive by default and with {@code caseSensitiveComparison: false}), on integer fields and
 * on date fields with dates, date-times and the date macros, and their null handling.
 */
class IntacctQueryOperatorsTest {

    private final IntacctHarness harness = new IntacctHarness();

    /**
     * 1 Gold (root), 2 gold rush (root), 3 Silver (under 1), 4 GOLDEN (under 1, inactive),
     * 5 Bronze (under 2, inactive).
     */
    private void withTypes(Consumer<IntacctHarness.Client> test) {
        harness.run(api -> {
            api.create("{'id':'Gold'}");
            api.create("{'id':'gold rush'}");
            api.createUnder("Silver", "1");
            api.create("{'id':'GOLDEN','status':'inactive','parent':{'key':'1'}}");
            api.create("{'id':'Bronze','status':'inactive','parent':{'key':'2'}}");
            test.accept(api);
        });
    }

    private static Reply filter(IntacctHarness.Client api, String condition, boolean caseSensitive) {
        return api.query("{'object':'accounts-receivable/customer-type','fields':['key'],'filters':[" + condition
                + "],'filterParameters':{'caseSensitiveComparison':" + caseSensitive + "}}");
    }

    private static List<String> keys(String list) {
        return list.isBlank() ? List.of() : Arrays.stream(list.split(" ")).toList();
    }

    private static void assertKeys(Reply reply, String expected) {
        assertEquals(200, reply.status(), reply.body());
        assertEquals(keys(expected), column(reply, "key"), reply.body());
        assertEquals(keys(expected).size(), reply.json().get("ia::meta").get("totalCount").asInt());
    }

    @ParameterizedTest(name = "{0} case-sensitive -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "{'$eq':{'id':'Gold'}}                          | 1",
        "{'$eq':{'id':'gold'}}                          | ''",
        "{'$ne':{'id':'Gold'}}                          | 2 3 4 5",
        "{'$ne':{'id':'gold'}}                          | 1 2 3 4 5",
        "{'$lt':{'id':'Gold'}}                          | 4 5",
        "{'$lt':{'id':'Bronze'}}                        | ''",
        "{'$lte':{'id':'Gold'}}                         | 1 4 5",
        "{'$lte':{'id':'A'}}                            | ''",
        "{'$gt':{'id':'Gold'}}                          | 2 3",
        "{'$gt':{'id':'gold rush'}}                     | ''",
        "{'$gte':{'id':'Gold'}}                         | 1 2 3",
        "{'$gte':{'id':'z'}}                            | ''",
        "{'$in':{'id':['Gold','Silver','Tin']}}         | 1 3",
        "{'$in':{'id':['gold','silver']}}               | ''",
        "{'$notIn':{'id':['Gold','Silver']}}            | 2 4 5",
        "{'$notIn':{'id':['Gold','gold rush','Silver','GOLDEN','Bronze']} } | ''",
        "{'$between':{'id':['B','H']}}                  | 1 4 5",
        "{'$between':{'id':['H','B']}}                  | ''",
        "{'$notBetween':{'id':['B','H']}}               | 2 3",
        "{'$notBetween':{'id':['A','z']}}               | ''",
        "{'$contains':{'id':'old'}}                     | 1 2",
        "{'$contains':{'id':'OLd'}}                     | ''",
        "{'$notContains':{'id':'old'}}                  | 3 4 5",
        "{'$notContains':{'id':'r'}}                    | 1 4",
        "{'$startsWith':{'id':'Gold'}}                  | 1",
        "{'$startsWith':{'id':'gOLD'}}                  | ''",
        "{'$notStartsWith':{'id':'Gold'}}               | 2 3 4 5",
        "{'$notStartsWith':{'id':''}}                   | ''",
        "{'$endsWith':{'id':'er'}}                      | 3",
        "{'$endsWith':{'id':'ER'}}                      | ''",
        "{'$notEndsWith':{'id':'er'}}                   | 1 2 4 5",
        "{'$notEndsWith':{'id':''}}                     | ''",
        "{'$eq':{'status':'active'}}                    | 1 2 3",
        "{'$eq':{'status':'ACTIVE'}}                    | ''",
    })
    void textOperatorsAreCaseSensitiveByDefault(String condition, String expected) {
        withTypes(api -> {
            assertKeys(filter(api, condition, true), expected);
            Reply byDefault = api.query("{'object':'accounts-receivable/customer-type','fields':['key'],'filters':["
                    + condition + "]}");
            assertEquals(keys(expected), column(byDefault, "key"), "caseSensitiveComparison defaults to true");
        });
    }

    @ParameterizedTest(name = "{0} ignoring case -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "{'$eq':{'id':'gOLD'}}                          | 1",
        "{'$eq':{'id':'gold rus'}}                      | ''",
        "{'$ne':{'id':'GOLD'}}                          | 2 3 4 5",
        "{'$ne':{'id':'BRONZE'}}                        | 1 2 3 4",
        "{'$lt':{'id':'GOLD'}}                          | 5",
        "{'$lt':{'id':'BRONZE'}}                        | ''",
        "{'$lte':{'id':'GOLD'}}                         | 1 5",
        "{'$lte':{'id':'a'}}                            | ''",
        "{'$gt':{'id':'GOLD'}}                          | 2 3 4",
        "{'$gt':{'id':'SILVER'}}                        | ''",
        "{'$gte':{'id':'GOLD'}}                         | 1 2 3 4",
        "{'$gte':{'id':'T'}}                            | ''",
        "{'$in':{'id':['GOLD','silver']}}               | 1 3",
        "{'$in':{'id':['tin']}}                         | ''",
        "{'$notIn':{'id':['GOLD','silver']}}            | 2 4 5",
        "{'$notIn':{'id':['gold','GOLD RUSH','silver','golden','bronze']} } | ''",
        "{'$between':{'id':['b','h']}}                  | 1 2 4 5",
        "{'$between':{'id':['t','z']}}                  | ''",
        "{'$notBetween':{'id':['b','h']}}               | 3",
        "{'$notBetween':{'id':['A','Z']}}               | ''",
        "{'$contains':{'id':'OLd'}}                     | 1 2 4",
        "{'$contains':{'id':'xyz'}}                     | ''",
        "{'$notContains':{'id':'OLD'}}                  | 3 5",
        "{'$notContains':{'id':''}}                     | ''",
        "{'$startsWith':{'id':'gOLD'}}                  | 1 2 4",
        "{'$startsWith':{'id':'OLD'}}                   | ''",
        "{'$notStartsWith':{'id':'GOLD'}}               | 3 5",
        "{'$notStartsWith':{'id':''}}                   | ''",
        "{'$endsWith':{'id':'ER'}}                      | 3",
        "{'$endsWith':{'id':'XX'}}                      | ''",
        "{'$notEndsWith':{'id':'EN'}}                   | 1 2 3 5",
        "{'$notEndsWith':{'id':''}}                     | ''",
        "{'$eq':{'status':'ACTIVE'}}                    | 1 2 3",
        "{'$eq':{'parent.id':'GOLD'}}                   | 3 4",
    })
    void textOperatorsIgnoreCaseWhenAsked(String condition, String expected) {
        withTypes(api -> assertKeys(filter(api, condition, false), expected));
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "{'$eq':{'key':'3'}}                 | 3",
        "{'$eq':{'key':3}}                   | 3",
        "{'$eq':{'key':'9'}}                 | ''",
        "{'$ne':{'key':'3'}}                 | 1 2 4 5",
        "{'$ne':{'key':'9'}}                 | 1 2 3 4 5",
        "{'$lt':{'key':'3'}}                 | 1 2",
        "{'$lt':{'key':'10'}}                | 1 2 3 4 5",
        "{'$lt':{'key':'1'}}                 | ''",
        "{'$lte':{'key':'3'}}                | 1 2 3",
        "{'$lte':{'key':0}}                  | ''",
        "{'$gt':{'key':'3'}}                 | 4 5",
        "{'$gt':{'key':'5'}}                 | ''",
        "{'$gte':{'key':'3'}}                | 3 4 5",
        "{'$gte':{'key':'6'}}                | ''",
        "{'$in':{'key':['1','5',9]}}         | 1 5",
        "{'$in':{'key':['7','8']}}           | ''",
        "{'$notIn':{'key':['1','5']}}        | 2 3 4",
        "{'$notIn':{'key':[1,2,3,4,5]}}      | ''",
        "{'$between':{'key':['2','4']}}      | 2 3 4",
        "{'$between':{'key':['4','2']}}      | ''",
        "{'$notBetween':{'key':['2','4']}}   | 1 5",
        "{'$notBetween':{'key':[1,5]}}       | ''",
        "{'$eq':{'parent.key':'1'}}          | 3 4",
        "{'$eq':{'parent.key':'3'}}          | ''",
        "{'$ne':{'parent.key':'1'}}          | 1 2 5",
        "{'$lt':{'parent.key':'2'}}          | 3 4",
        "{'$gt':{'parent.key':'1'}}          | 5",
        "{'$in':{'parent.key':['1','2']}}    | 3 4 5",
        "{'$notIn':{'parent.key':['1']}}     | 1 2 5",
        "{'$between':{'parent.key':[2,9]}}   | 5",
        "{'$notBetween':{'parent.key':[1,2]}} | 1 2",
    })
    void integerOperatorsCompareNumbersAndRootsHaveNoParentKey(String condition, String expected) {
        withTypes(api -> assertKeys(filter(api, condition, true), expected));
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "{'$eq':{'parent.key':null}}        | 1 2",
        "{'$ne':{'parent.key':null}}        | 3 4 5",
        "{'$eq':{'parent.id':null}}         | 1 2",
        "{'$ne':{'parent.id':null}}         | 3 4 5",
        "{'$ne':{'parent.id':'Gold'}}       | 1 2 5",
        "{'$notContains':{'parent.id':'o'}} | 1 2",
        "{'$contains':{'parent.id':'o'}}    | 3 4 5",
        "{'$eq':{'audit.createdBy':null}}   | 1 2 3 4 5",
        "{'$eq':{'audit.createdBy':'1'}}    | ''",
        "{'$ne':{'audit.modifiedBy':'1'}}   | 1 2 3 4 5",
        "{'$eq':{'id':null}}                | ''",
    })
    void nullMatchesEqNullAndEveryNegatedOperator(String condition, String expected) {
        withTypes(api -> assertKeys(filter(api, condition, true), expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'$lt':{'parent.key':null}}         | /filters/0/$lt/parent.key      | null can only be compared with $eq or $ne",
        "{'$in':{'id':[null]}}               | /filters/0/$in/id              | Expected a string or a number, got null",
        "{'$in':{'id':[]}}                   | /filters/0/$in/id              | This operator takes a non-empty array",
        "{'$in':{'id':'Gold'}}               | /filters/0/$in/id              | This operator takes a non-empty array",
        "{'$between':{'key':['1']}}          | /filters/0/$between/key        | This operator takes [low, high]",
        "{'$between':{'key':['1','2','3']}}  | /filters/0/$between/key        | This operator takes [low, high]",
        "{'$eq':{'key':'abc'}}               | /filters/0/$eq/key             | Expected a key (a string of digits), got \"abc\"",
        "{'$eq':{'key':1.5}}                 | /filters/0/$eq/key             | Expected a key (a string of digits), got 1.5",
        "{'$eq':{'key':'99999999999999999999'}} | /filters/0/$eq/key          | A key is at most 9223372036854775807, got \"99999999999999999999\"",
        "{'$eq':{'key':99999999999999999999}} | /filters/0/$eq/key            | A key is at most 9223372036854775807, got 99999999999999999999",
        "{'$eq':{'id':[5]}}                  | /filters/0/$eq/id              | Expected a string or a number, got [5]",
        "{'$eq':{'status':true}}             | /filters/0/$eq/status          | Expected a string or a number, got true",
        "{'$eq':{'id':1e400}}                | /filters/0/$eq/id              | Expected a string or a number, got a number too large to read",
        "{'$contains':{'key':'1'}}           | /filters/0/$contains/key       | $contains applies to text fields only, not to key",
        "{'$like':{'id':'G%'}}               | /filters/0                     | Unknown operator $like",
        "{'$eq':{'id':'A'},'$ne':{'id':'B'}} | /filters/0                     | Each filter is an object with one operator, such as {\"$eq\": {\"status\": \"active\"}}",
        "{}                                  | /filters/0                     | Each filter is an object with one operator, such as {\"$eq\": {\"status\": \"active\"}}",
        "5                                   | /filters/0                     | Each filter is an object with one operator, such as {\"$eq\": {\"status\": \"active\"}}",
        "{'$eq':{'id':'A','key':'1'}}        | /filters/0                     | $eq takes an object with one field",
        "{'$eq':'active'}                    | /filters/0                     | $eq takes an object with one field",
    })
    void aMalformedConditionIs400PointingAtIt(String condition, String target, String message) {
        withTypes(api -> {
            assertBadRequest(filter(api, condition, true), "CC-3003", message, target);
        });
    }

    /** Sage's schema takes a number wherever it takes a text value; it compares as its decimal text. */
    @Test
    void textFieldsTakeNumbers() {
        harness.run(api -> {
            api.create("{'id':'5'}");
            api.create("{'id':'1.5'}");
            api.create("{'id':'1000'}");
            api.create("{'id':'150 m'}");
            assertKeys(filter(api, "{'$eq':{'id':5}}", true), "1");
            assertKeys(filter(api, "{'$in':{'id':[1.50, 1e3, -7]}}", true), "2 3");
            assertKeys(filter(api, "{'$startsWith':{'id':15}}", true), "4");
            assertKeys(filter(api, "{'$contains':{'id':0}}", false), "3 4");
            assertKeys(filter(api, "{'$ne':{'id':1000}}", true), "1 2 4");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'$eq':{'color':'red'}}             | /filters/0/$eq/color           | Unknown field color",
        "{'$eq':{'href':'x'}}                | /filters/0/$eq/href            | href cannot be filtered on",
        "{'$eq':{'entity.name':'x'}}         | /filters/0/$eq/entity.name     | entity.name cannot be filtered on",
    })
    void anUnknownOrDerivedFieldInAConditionIs400(String condition, String target, String message) {
        withTypes(api -> {
            assertBadRequest(filter(api, condition, true), "CC-3002", message, target);
        });
    }

    @Test
    void filtersMustBeAnArray() {
        withTypes(api -> {
            JsonNode error = assertError(api.query("{'object':'accounts-receivable/customer-type',"
                    + "'filters':{'$eq':{'id':'Gold'}}}"), 400, "invalidRequest", "CC-3003");
            assertEquals("filters must be an array", error.get("message").asText());
        });
    }

    // ---- dates

    /** Creation times around an as-of date of Wednesday 2026-05-13 (its week starts on Monday 11 May). */
    private static final List<String> CREATED = List.of(
            "2026-05-13T09:30:00Z", // 1 today
            "2026-05-12T23:59:59Z", // 2 yesterday
            "2026-05-11T00:00:00Z", // 3 Monday of the current week
            "2026-05-08T12:00:00Z", // 4 last week
            "2026-05-01T00:00:00Z", // 5 first second of the current month
            "2026-04-30T23:59:59Z", // 6 prior month, current quarter
            "2026-03-31T12:00:00Z", // 7 prior quarter
            "2026-01-01T00:00:00Z", // 8 prior quarter, first second of the current year
            "2025-12-31T23:59:59Z", // 9 prior year
            "2024-06-01T00:00:00Z"); // 10 before that

    private void withDatedTypes(Consumer<IntacctHarness.Client> test) {
        harness.run(api -> {
            for (int i = 0; i < CREATED.size(); i++) {
                harness.clock.set(Instant.parse(CREATED.get(i)));
                api.create("{'id':'T" + (i + 1) + "'}");
            }
            harness.clock.set(Instant.parse("2026-05-13T18:00:00Z"));
            test.accept(api);
        });
    }

    private static Reply dateFilter(IntacctHarness.Client api, String condition, String asOfDate) {
        return api.query("{'object':'accounts-receivable/customer-type','fields':['key'],'filters':[" + condition
                + "]" + (asOfDate == null ? "" : ",'filterParameters':{'asOfDate':'" + asOfDate + "'}") + "}");
    }

    @ParameterizedTest(name = "{0} as of 2026-05-13 -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "today          | 1",
        "yesterday      | 2",
        "currentWeek    | 1 2 3",
        "lastWeek       | 4",
        "currentMonth   | 1 2 3 4 5",
        "priorMonth     | 6",
        "currentQuarter | 1 2 3 4 5 6",
        "priorQuarter   | 7 8",
        "currentYear    | 1 2 3 4 5 6 7 8",
        "priorYear      | 9",
    })
    void eachDateMacroIsAPeriodRelativeToAsOfDate(String macro, String expected) {
        withDatedTypes(api -> {
            assertKeys(dateFilter(api, "{'$eq':{'audit.createdDateTime':'" + macro + "'}}", "2026-05-13"), expected);
            assertKeys(dateFilter(api, "{'$eq':{'audit.createdDateTime':'" + macro + "'}}", "2031-02-03"), "");
        });
    }

    @Test
    void macrosFollowAsOfDateAndDefaultToTodayInUtc() {
        withDatedTypes(api -> {
            assertKeys(dateFilter(api, "{'$eq':{'audit.createdDateTime':'today'}}", null), "1");
            assertKeys(dateFilter(api, "{'$eq':{'audit.createdDateTime':'yesterday'}}", "2026-05-14"), "1");
            assertKeys(dateFilter(api, "{'$eq':{'audit.createdDateTime':'lastWeek'}}", "2026-05-18"), "1 2 3");
            assertKeys(dateFilter(api, "{'$eq':{'audit.createdDateTime':'priorYear'}}", "2025-07-01"), "10");
            assertKeys(dateFilter(api, "{'$eq':{'audit.createdDateTime':'priorQuarter'}}", "2026-01-15"), "9");
            assertKeys(dateFilter(api, "{'$eq':{'audit.createdDateTime':'TODAY'}}", null), "1");
        });
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "{'$eq':{'audit.createdDateTime':'2026-05-11T00:00:00Z'}}               | 3",
        "{'$eq':{'audit.createdDateTime':'2026-05-11T02:00:00+02:00'}}          | 3",
        "{'$eq':{'audit.createdDateTime':'2026-05-11'}}                         | 3",
        "{'$eq':{'audit.createdDateTime':'2026-05-10'}}                         | ''",
        "{'$ne':{'audit.createdDateTime':'2026-05-11'}}                         | 1 2 4 5 6 7 8 9 10",
        "{'$ne':{'audit.createdDateTime':'currentYear'}}                        | 9 10",
        "{'$lt':{'audit.createdDateTime':'2026-05-01'}}                         | 6 7 8 9 10",
        "{'$lt':{'audit.createdDateTime':'2026-05-01T00:00:00Z'}}               | 6 7 8 9 10",
        "{'$lt':{'audit.createdDateTime':'currentYear'}}                        | 9 10",
        "{'$lt':{'audit.createdDateTime':'2024-06-01'}}                         | ''",
        "{'$lte':{'audit.createdDateTime':'2026-05-01'}}                        | 5 6 7 8 9 10",
        "{'$lte':{'audit.createdDateTime':'2026-05-01T00:00:00Z'}}              | 5 6 7 8 9 10",
        "{'$lte':{'audit.createdDateTime':'priorYear'}}                         | 9 10",
        "{'$lte':{'audit.createdDateTime':'2024-05-31'}}                        | ''",
        "{'$gt':{'audit.createdDateTime':'2026-05-12'}}                         | 1",
        "{'$gt':{'audit.createdDateTime':'2026-05-12T23:59:59Z'}}               | 1",
        "{'$gt':{'audit.createdDateTime':'priorMonth'}}                         | 1 2 3 4 5",
        "{'$gt':{'audit.createdDateTime':'today'}}                              | ''",
        "{'$gte':{'audit.createdDateTime':'2026-05-12'}}                        | 1 2",
        "{'$gte':{'audit.createdDateTime':'currentMonth'}}                      | 1 2 3 4 5",
        "{'$gte':{'audit.createdDateTime':'2026-05-14'}}                        | ''",
        "{'$in':{'audit.createdDateTime':['today','2026-05-11']}}               | 1 3",
        "{'$in':{'audit.createdDateTime':['2026-05-09','2026-05-10']}}          | ''",
        "{'$notIn':{'audit.createdDateTime':['currentYear','priorYear']}}       | 10",
        "{'$notIn':{'audit.createdDateTime':['2020-01-01']}}                    | 1 2 3 4 5 6 7 8 9 10",
        "{'$between':{'audit.createdDateTime':['2026-04-30','2026-05-01']}}     | 5 6",
        "{'$between':{'audit.createdDateTime':['lastWeek','yesterday']}}        | 2 3 4",
        "{'$between':{'audit.createdDateTime':['2026-05-02','2026-05-07']}}     | ''",
        "{'$notBetween':{'audit.createdDateTime':['2026-01-01','2026-12-31']}}  | 9 10",
        "{'$notBetween':{'audit.createdDateTime':['priorYear','currentYear']}}  | 10",
    })
    void dateOperatorsCompareWithDatesDateTimesAndMacros(String condition, String expected) {
        withDatedTypes(api -> assertKeys(dateFilter(api, condition, "2026-05-13"), expected));
    }

    @Test
    void modifiedDateTimeIsADateFieldToo() {
        withDatedTypes(api -> {
            harness.clock.set(Instant.parse("2026-05-13T18:00:00Z"));
            api.patch(IntacctHarness.OBJECTS + "/10", "{'status':'inactive'}");
            assertKeys(dateFilter(api, "{'$eq':{'audit.modifiedDateTime':'today'}}", null), "1 10");
            assertKeys(dateFilter(api, "{'$eq':{'audit.createdDateTime':'today'}}", null), "1");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"$contains", "$notContains", "$startsWith", "$notStartsWith", "$endsWith", "$notEndsWith"})
    void textOperatorsOnADateFieldAre400(String operator) {
        withDatedTypes(api -> {
            assertBadRequest(dateFilter(api, "{'" + operator + "':{'audit.createdDateTime':'2026'}}", null), "CC-3003",
                    operator + " applies to text fields only, not to audit.createdDateTime",
                    "/filters/0/" + operator + "/audit.createdDateTime");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"'2026-13-01'", "'someday'", "'2026-05-11T00:00:00'", "20260511", "true"})
    void aValueThatIsNoDateIs400(String value) {
        withDatedTypes(api -> {
            JsonNode error = assertError(dateFilter(api, "{'$eq':{'audit.createdDateTime':" + value + "}}", null),
                    400, "invalidRequest", "CC-3003");
            assertEquals(List.of("/filters/0/$eq/audit.createdDateTime"), targets(error));
            assertEquals(true, error.get("message").asText().startsWith("Expected a date"), error.toString());
        });
    }
}
