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

/**
 * Extensions (CONTRACT §3.1): the hierarchy reads below an item route, {@code GET …/customer-type/{key}/descendants}
 * (the subtree below a type, issue 7) and {@code GET …/customer-type/{key}/ancestors} (the path up to its root).
 */
class IntacctHierarchyReadsTest {

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
    void bothReadsAnswerUnderBothBasePathsForTheEntityOfTheHeader() {
        harness.run(api -> {
            seed(api);
            harness.registerCompany(7, "Acme");
            IntacctHarness.Client acme = api.entity("7");
            String top = acme.create("{'id':'Top'}");
            String below = acme.createUnder("Below", top);
            assertEquals(List.of("Below"), column(acme.get(LONG_PREFIX + OBJECTS + "/" + top + "/descendants/"), "id"));
            assertEquals(List.of("Top"), column(acme.get(LONG_PREFIX + OBJECTS + "/" + below + "/ancestors/"), "id"));
            assertEquals("/objects/accounts-receivable/customer-type/" + top, acme.get(OBJECTS + "/" + top
                    + "/descendants").json().get("ia::result").get(0).get("parent").get("href").asText());
            for (String route : List.of("/descendants", "/ancestors")) {
                assertError(api.get(OBJECTS + "/" + below + route), 404, "notFound", "CC-1404");
                assertError(acme.get(OBJECTS + "/6" + route), 404, "notFound", "CC-1404");
                assertError(api.entity("8").get(OBJECTS + "/6" + route), 404, "notFound", "CC-1405");
            }
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

    @Test
    void thePathRunsFromTheParentUpToTheRootNearestFirstAndUnpaged() {
        harness.run(api -> {
            seed(api);
            Reply reply = api.get(OBJECTS + "/6/ancestors");
            assertEquals(200, reply.status(), reply.body());
            assertEquals(tree("""
                    {'ia::result':[
                      {'key':'5','id':'Gold North','href':'/objects/accounts-receivable/customer-type/5',
                       'ia::hierarchy':{'level':1}},
                      {'key':'2','id':'Gold','href':'/objects/accounts-receivable/customer-type/2',
                       'ia::hierarchy':{'level':2}},
                      {'key':'1','id':'Reseller','href':'/objects/accounts-receivable/customer-type/1',
                       'ia::hierarchy':{'level':3}}],
                     'ia::meta':{'totalCount':3,'start':1,'pageSize':3,'next':null,'previous':null}}"""),
                    reply.json());
            assertEquals(List.of("Silver", "Reseller"), column(api.get(OBJECTS + "/4/ancestors"), "id"));
        });
    }

    @Test
    void aRootAnswersAnEmptyList() {
        harness.run(api -> {
            seed(api);
            assertEquals(tree("""
                    {'ia::result':[],'ia::meta':{'totalCount':0,'start':1,'pageSize':0,'next':null,'previous':null}}"""),
                    api.get(OBJECTS + "/7/ancestors").json());
        });
    }

    @Test
    void aMoveShowsInTheNextAncestorsRead() {
        harness.run(api -> {
            seed(api);
            assertEquals(200, api.patch(OBJECTS + "/5", "{'parent':{'key':'7'}}").status());
            assertEquals(List.of("Gold North", "End user"), column(api.get(OBJECTS + "/6/ancestors"), "id"));
            assertEquals(200, api.patch(OBJECTS + "/5", "{'parent':null}").status());
            assertEquals(List.of("Gold North"), column(api.get(OBJECTS + "/6/ancestors"), "id"));
        });
    }

    @Test
    void theDeepestPathHas63Ancestors() {
        harness.run(api -> {
            String parent = api.create("{'id':'Level 1'}");
            for (int level = 2; level <= 64; level++) {
                parent = api.createUnder("Level " + level, parent);
            }
            Reply reply = api.get(OBJECTS + "/" + parent + "/ancestors");
            assertEquals(63, reply.json().get("ia::result").size());
            assertEquals("Level 1", reply.json().get("ia::result").get(62).get("id").asText());
            assertEquals(63, reply.json().get("ia::result").get(62).get("ia::hierarchy").get("level").asInt());
            assertEquals(tree("{'totalCount':63,'start':1,'pageSize':63,'next':null,'previous':null}"),
                    reply.json().get("ia::meta"));
        });
    }

    @ParameterizedTest
    @CsvSource({
        "descendants, 99", "descendants, 0", "descendants, abc", "descendants, 1.5", "descendants, -1",
        "descendants, 99999999999999999999",
        "ancestors, 99", "ancestors, 0", "ancestors, abc", "ancestors, 1.5", "ancestors, -1",
        "ancestors, 99999999999999999999"})
    void anUnknownOrMalformedKeyIs404(String route, String key) {
        harness.run(api -> {
            seed(api);
            JsonNode error = assertError(api.get(OBJECTS + "/" + key + "/" + route), 404, "notFound", "CC-1404");
            assertEquals("Customer type with key " + key + " does not exist", error.get("message").asText());
        });
    }

    @ParameterizedTest
    @CsvSource({
        "descendants, POST", "descendants, PUT", "descendants, PATCH", "descendants, DELETE", "descendants, OPTIONS",
        "ancestors, POST", "ancestors, PUT", "ancestors, PATCH", "ancestors, DELETE", "ancestors, OPTIONS"})
    void onlyGetIsAllowed(String route, String method) {
        harness.run(api -> {
            seed(api);
            Reply reply = api.send(method, OBJECTS + "/2/" + route, null, null);
            assertError(reply, 405, "methodNotAllowed", "CC-1406");
            assertEquals("GET", reply.header("Allow"));
            assertEquals(200, api.get(OBJECTS + "/2").status(), "nothing changed");
            assertEquals(5, api.get(OBJECTS + "/1/descendants").json().get("ia::meta").get("totalCount").asInt());
        });
    }
}
