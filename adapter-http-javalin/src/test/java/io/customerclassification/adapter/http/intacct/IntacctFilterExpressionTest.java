package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertBadRequest;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertError;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient.Reply;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code filterExpression}: the {@code and} / {@code or} shortcuts and expressions over the numbered
 * conditions with {@code and}, {@code or} and parentheses ({@code and} binding tighter), and the message of
 * each syntax error.
 */
class IntacctFilterExpressionTest {

    /**
     * Over 1 Alpha, 2 Beta (inactive), 3 Gamma, 4 Delta (inactive), 5 Epsilon, 6 Zeta:
     * condition 1 is {@code status = active} (1 3 5 6), 2 is {@code key <= 3} (1 2 3),
     * 3 is {@code id ends with "a"} (1 2 3 4 6), 4 is {@code key in (1, 5)} (1 5).
     */
    private static final String CONDITIONS = "[{'$eq':{'status':'active'}},{'$lte':{'key':'3'}},"
            + "{'$endsWith':{'id':'a'}},{'$in':{'key':['1','5']}}]";

    private final IntacctHarness harness = new IntacctHarness();

    private void withTypes(Consumer<IntacctHarness.Client> test) {
        harness.run(api -> {
            api.create("{'id':'Alpha'}");
            api.create("Beta", "inactive");
            api.create("{'id':'Gamma'}");
            api.create("Delta", "inactive");
            api.create("{'id':'Epsilon'}");
            api.create("{'id':'Zeta'}");
            test.accept(api);
        });
    }

    private static Reply query(IntacctHarness.Client api, String filters, String expression) {
        return api.query("{'object':'accounts-receivable/customer-type','fields':['key'],'filters':" + filters
                + (expression == null ? "" : ",'filterExpression':" + expression) + "}");
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`'and'`                              | 1",
        "`'AND'`                              | 1",
        "`' or '`                             | 1 2 3 4 5 6",
        "`'1 and 2'`                          | 1 3",
        "`'1 or 2'`                           | 1 2 3 5 6",
        "`'1 and 2 and 3'`                    | 1 3",
        "`'2 or 4'`                           | 1 2 3 5",
        "`'4'`                                | 1 5",
        "`'(1 and 2) or 3'`                   | 1 2 3 4 6",
        "`'(1 and 2) or 4'`                   | 1 3 5",
        "`'1 and (2 or 4)'`                   | 1 3 5",
        "`'2 and 1 or 4'`                     | 1 3 5",
        "`'2 and (1 or 4)'`                   | 1 3",
        "`'4 or 3 and 2'`                     | 1 2 3 5",
        "`'4 or (3 and 2)'`                   | 1 2 3 5",
        "`'(4 or 3) and 2'`                   | 1 2 3",
        "`'1 OR 4 And 3'`                     | 1 3 5 6",
        "`'((1 and (3)) and (2 or (4)))'`     | 1 3",
        "`'(((4)))'`                          | 1 5",
        "`'(1 or 2) and (3 and (4 or 2))'`    | 1 2 3",
        "`'(1)or(4)'`                         | 1 3 5 6",
        "`'1or 4'`                            | 1 3 5 6",
        "`'1\\tor\\n4'`                       | 1 3 5 6",
    })
    void expressionsCombineTheNumberedConditions(String expression, String expected) {
        withTypes(api -> {
            Reply reply = query(api, CONDITIONS, expression);
            assertEquals(Arrays.asList(expected.split(" ")), column(reply, "key"), reply.body());
        });
    }

    @Test
    void withoutAnExpressionAllConditionsMustHold() {
        withTypes(api -> {
            assertEquals(List.of("1"), column(query(api, CONDITIONS, null), "key"));
            assertEquals(List.of("1"), column(query(api, CONDITIONS, "null"), "key"));
        });
    }

    @Test
    void theShortcutsOverNoConditionsFilterNothing() {
        withTypes(api -> {
            assertEquals(6, column(query(api, "[]", "'and'"), "key").size());
            assertEquals(6, column(query(api, "[]", "'or'"), "key").size());
        });
    }

    @Test
    void aConditionLeftOutOfTheExpressionIsIgnored() {
        withTypes(api -> assertEquals(List.of("1", "2", "3"), column(query(api, CONDITIONS, "'2'"), "key")));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`(1 and 2`    | Unexpected end of the expression at position 9 in filterExpression; expected 'and', 'or' or ')'",
        "`((1 or 2) and 3`  | Unexpected end of the expression at position 16 in filterExpression; expected 'and', 'or' or ')'",
        "`1 and 2)`    | Unexpected ')' at position 8 in filterExpression; expected 'and', 'or' or the end of the expression",
        "`1 xor 2`     | Unknown word 'xor' at position 3 in filterExpression; expected 'and', 'or', a condition number or a parenthesis",
        "`1 and not`   | Unknown word 'not' at position 7 in filterExpression; expected 'and', 'or', a condition number or a parenthesis",
        "`1 and 5`     | Condition 5 at position 7 does not exist: there are 4 filters",
        "`0 or 1`      | Condition 0 at position 1 does not exist: there are 4 filters",
        "`99999999999` | Condition 99999999999 at position 1 does not exist: there are 4 filters",
        "`1 and`       | Unexpected end of the expression at position 6 in filterExpression; expected a condition number or '('",
        "`1 or or 2`   | Unexpected 'or' at position 6 in filterExpression; expected a condition number or '('",
        "`and 1`       | Unexpected 'and' at position 1 in filterExpression; expected a condition number or '('",
        "`()`          | Unexpected ')' at position 2 in filterExpression; expected a condition number or '('",
        "`1 2`         | Unexpected '2' at position 3 in filterExpression; expected 'and', 'or' or the end of the expression",
        "`(1) (2)`     | Unexpected '(' at position 5 in filterExpression; expected 'and', 'or' or the end of the expression",
        "`1 & 2`       | Unexpected character '&' at position 3 in filterExpression",
        "`1 || 2`      | `Unexpected character '|' at position 3 in filterExpression`",
        "`1 and \u0662` | Unexpected character '\u0662' at position 7 in filterExpression",
        "``            | filterExpression is empty; use 'and', 'or' or an expression over the condition numbers such as '(1 and 2) or 3'",
        "`   `         | filterExpression is empty; use 'and', 'or' or an expression over the condition numbers such as '(1 and 2) or 3'",
    })
    void eachSyntaxErrorIs400WithAMessageSayingWhereAndWhat(String expression, String message) {
        withTypes(api -> {
            JsonNode error = assertBadRequest(query(api, CONDITIONS, "'" + expression + "'"), "CC-3004", message,
                    "/filterExpression");
            assertEquals("CC.INVALID_FILTER_EXPRESSION", error.get("additionalInfo").get("messageId").asText());
        });
    }

    @Test
    void aConditionNumberWithoutFiltersDoesNotExist() {
        withTypes(api -> {
            assertEquals("Condition 1 at position 1 does not exist: there are 0 filters", assertError(
                    query(api, "[]", "'1'"), 400, "invalidRequest", "CC-3004").get("message").asText());
            assertEquals("Condition 2 at position 1 does not exist: there is 1 filter", assertError(
                    query(api, "[{'$eq':{'key':'1'}}]", "'2'"), 400, "invalidRequest", "CC-3004").get("message")
                    .asText());
        });
    }

    @Test
    void parenthesesNestUpTo64LevelsAndDeeperIs400() {
        withTypes(api -> {
            String deepest = "(".repeat(64) + "1" + ")".repeat(64);
            assertEquals(List.of("1", "3", "5", "6"), column(query(api, CONDITIONS, "'" + deepest + "'"), "key"));
            String tooDeep = "(".repeat(5000) + "1" + ")".repeat(5000);
            assertBadRequest(query(api, CONDITIONS, "'" + tooDeep + "'"), "CC-3004",
                    "Parentheses nest deeper than 64 levels at position 65 in filterExpression", "/filterExpression");
        });
    }

    @Test
    void anExpressionThatIsNoStringIs400() {
        withTypes(api -> assertEquals("filterExpression must be a string", assertError(query(api, CONDITIONS, "1"),
                400, "invalidRequest", "CC-3004").get("message").asText()));
    }
}
