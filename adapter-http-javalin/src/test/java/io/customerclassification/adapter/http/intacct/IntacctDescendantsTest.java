package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.LONG_PREFIX;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.OBJECTS;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertBadRequest;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertError;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.column;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Extension (CONTRACT §3, issue 7): {@code GET …/customer-type/{key}/descendants}, the subtree below a type. */
class IntacctDescendantsTest {

    private final IntacctHarness harness = new IntacctHarness();

    /** Reseller(1) → Gold(2), Silver(3); Silver → Silver East(4); Gold → Gold North(5) → Gold North Big(6). */
    private static void seed(IntacctHarness.Client api) {
        String reseller = api.create("{'id':'Reseller'}");
        String gold = api.createUnder("Gold", reseller);
        String silver = api.createUnder("Silver", reseller);
        api.createUnder("Silver East", silver);
        String goldNorth = api.createUnder("Gold North", gold);
        api.createUnder("Gold North Big", goldNorth);
        api.create("{'id':'End user'}");
    }

    @Test
    void theSubtreeComesLevelByLevelWithParentsAndLevels() {
        harness.run(api -> {
            seed(api);
            Reply reply = api.get(OBJECTS + "/1/descendants");
            assertEquals(200, reply.status(), reply.body());
            assertEquals(tree("""
                    {'ia::result':[
                      {'key':'2','id':'Gold','href':'/objects/accounts-receivable/customer-type/2',
                       'parent':{'key':'1','id':'Reseller','href':'/objects/accounts-receivable/customer-type/1'},
                       'ia::hierarchy':{'level':1}},
                      {'key':'3','id':'Silver','href':'/objects/accounts-receivable/customer-type/3',
                       'parent':{'key':'1','id':'Reseller','href':'/objects/accounts-receivable/customer-type/1'},
                       'ia::hierarchy':{'level':1}},
                      {'key':'4','id':'Silver East','href':'/objects/accounts-receivable/customer-type/4',
                       'parent':{'key':'3','id':'Silver','href':'/objects/accounts-receivable/customer-type/3'},
                       'ia::hierarchy':{'level':2}},
                      {'key':'5','id':'Gold North','href':'/objects/accounts-receivable/customer-type/5',
                       'parent':{'key':'2','id':'Gold','href':'/objects/accounts-receivable/customer-type/2'},
                       'ia::hierarchy':{'level':2}},
                      {'key':'6','id':'Gold North Big','href':'/objects/accounts-receivable/customer-type/6',
                       'parent':{'key':'5','id':'Gold North','href':'/objects/accounts-receivable/customer-type/5'},
                       'ia::hierarchy':{'level':3}}],
                     'ia::meta':{'totalCount':5,'start':1,'pageSize':100,'next':null,'previous':null}}"""),
                    reply.json());
            assertEquals(List.of("Gold North", "Gold North Big"), column(api.get(OBJECTS + "/2/descendants"), "id"));
            assertEquals(tree("""
                    {'ia::result':[],'ia::meta':{'totalCount':0,'start':1,'pageSize':100,'next':null,'previous':null}}"""),
                    api.get(OBJECTS + "/6/descendants").json(), "a leaf has none");
        });
    }

    @Test
    void pagesAreWindowsOfTheWholeSubtree() {
        harness.run(api -> {
            seed(api);
            Reply middle = api.get(OBJECTS + "/1/descendants?start=2&size=2");
            assertEquals(List.of("Silver", "Silver East"), column(middle, "id"));
            assertEquals(tree("{'totalCount':5,'start':2,'pageSize':2,'next':4,'previous':1}"),
                    middle.json().get("ia::meta"));
            Reply past = api.get(OBJECTS + "/1/descendants?start=9&size=2");
            assertEquals(List.of(), column(past, "id"));
            assertEquals(tree("{'totalCount':5,'start':9,'pageSize':2,'next':null,'previous':7}"),
                    past.json().get("ia::meta"));
            List<String> walked = new ArrayList<>();
            for (int start = 1; start <= 5; start += 2) {
                walked.addAll(column(api.get(OBJECTS + "/1/descendants?start=" + start + "&size=2"), "id"));
            }
            assertEquals(column(api.get(OBJECTS + "/1/descendants?size=4000"), "id"), walked);
        });
    }

    @Test
    void aMoveAndADeleteShowInTheNextRead() {
        harness.run(api -> {
            seed(api);
            assertEquals(200, api.patch(OBJECTS + "/5", "{'parent':{'key':'7'}}").status());
            assertEquals(List.of("Gold North", "Gold North Big"), column(api.get(OBJECTS + "/7/descendants"), "id"));
            assertEquals(List.of("Gold", "Silver", "Silver East"), column(api.get(OBJECTS + "/1/descendants"), "id"));
            assertEquals(204, api.delete(OBJECTS + "/4").status());
            assertEquals(2, api.get(OBJECTS + "/1/descendants").json().get("ia::meta").get("totalCount").asInt());
        });
    }

    @Test
    void theRouteAnswersUnderBothBasePathsForTheEntityOfTheHeader() {
        harness.run(api -> {
            seed(api);
            harness.registerCompany(7, "Acme");
            IntacctHarness.Client acme = api.entity("7");
            String top = acme.create("{'id':'Top'}");
            acme.createUnder("Below", top);
            assertEquals(List.of("Below"), column(acme.get(LONG_PREFIX + OBJECTS + "/" + top + "/descendants/"), "id"));
            assertEquals("/objects/accounts-receivable/customer-type/" + top, acme.get(OBJECTS + "/" + top
                    + "/descendants").json().get("ia::result").get(0).get("parent").get("href").asText());
            assertError(api.get(OBJECTS + "/" + top + "/descendants"), 404, "notFound", "CC-1404");
            assertError(acme.get(OBJECTS + "/1/descendants"), 404, "notFound", "CC-1404");
            assertError(api.entity("8").get(OBJECTS + "/1/descendants"), 404, "notFound", "CC-1405");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "0", "abc", "1.5", "-1", "99999999999999999999"})
    void anUnknownOrMalformedKeyIs404(String key) {
        harness.run(api -> {
            seed(api);
            JsonNode error = assertError(api.get(OBJECTS + "/" + key + "/descendants"), 404, "notFound", "CC-1404");
            assertEquals("Customer type with key " + key + " does not exist", error.get("message").asText());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "start=0    | /start | start must be an integer from 1 to 2147483647, got 0",
        "size=4001  | /size  | size must be an integer from 1 to 4000, got 4001",
        "size=x     | /size  | size must be an integer from 1 to 4000, got x",
    })
    void badPagingIs400(String query, String target, String message) {
        harness.run(api -> {
            seed(api);
            assertBadRequest(api.get(OBJECTS + "/1/descendants?" + query), "CC-3006", message, target);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void onlyGetIsAllowed(String method) {
        harness.run(api -> {
            seed(api);
            Reply reply = api.send(method, OBJECTS + "/1/descendants", null, null);
            assertError(reply, 405, "methodNotAllowed", "CC-1406");
            assertEquals("GET", reply.header("Allow"));
            assertEquals(5, api.get(OBJECTS + "/1/descendants").json().get("ia::meta").get("totalCount").asInt(),
                    "nothing changed");
        });
    }
}
