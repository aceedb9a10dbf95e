package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.LONG_PREFIX;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.OBJECTS;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.QUERY;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertBadRequest;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertError;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.column;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.targets;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §2, the object routes: create, get, list, patch and delete, under both base paths. */
class IntacctObjectRoutesTest {

    private final IntacctHarness harness = new IntacctHarness();

    @Test
    void listReproducesTheVendorExampleWithNullNextAndPrevious() {
        harness.run(api -> {
            for (String id : List.of("Account Manager", "Auto ACH", "Auto CC Payment", "Credit Card")) {
                api.create("{'id':'" + id + "'}");
            }
            Reply reply = api.get(OBJECTS);
            assertEquals(200, reply.status());
            // The vendor example shows "next": 0, "previous": 0; CONTRACT §2 fixes null when there is no such
            // page, and the contract wins.
            assertEquals(tree("""
                    {'ia::result':[
                      {'key':'1','id':'Account Manager','href':'/objects/accounts-receivable/customer-type/1'},
                      {'key':'2','id':'Auto ACH','href':'/objects/accounts-receivable/customer-type/2'},
                      {'key':'3','id':'Auto CC Payment','href':'/objects/accounts-receivable/customer-type/3'},
                      {'key':'4','id':'Credit Card','href':'/objects/accounts-receivable/customer-type/4'}],
                     'ia::meta':{'totalCount':4,'start':1,'pageSize':100,'next':null,'previous':null}}"""),
                    reply.json());
            assertEquals("application/json", reply.header("Content-Type").split(";")[0]);
        });
    }

    @Test
    void createReproducesTheVendorExample() {
        harness.run(api -> {
            for (int i = 1; i <= 8; i++) {
                api.create("{'id':'Type " + i + "'}");
            }
            Reply reply = api.post(OBJECTS, "{'id':'Client Start Trial','status':'active'}");
            assertEquals(201, reply.status());
            assertEquals(tree("""
                    {'ia::result':{'key':'9','id':'Client Start Trial',
                                   'href':'/objects/accounts-receivable/customer-type/9'},
                     'ia::meta':{'totalCount':1}}"""), reply.json());
        });
    }

    @Test
    void getReproducesTheVendorExampleWithParentAuditAndEntity() {
        harness.run(api -> {
            String parent = api.create("{'id':'Account Manager'}");
            harness.clock.advance(Duration.ofMinutes(5));
            String key = api.create("{'id':'Client Start Trial','parent':{'key':'" + parent + "'}}");
            Reply reply = api.get(OBJECTS + "/" + key);
            assertEquals(200, reply.status());
            // createdBy/modifiedBy are the caller's user id; without credentials there is none (CONTRACT §2).
            assertEquals(tree("""
                    {'ia::result':{
                       'key':'2','id':'Client Start Trial',
                       'parent':{'key':'1','id':'Account Manager',
                                 'href':'/objects/accounts-receivable/customer-type/1'},
                       'status':'active',
                       'audit':{'createdDateTime':'2026-05-13T09:35:00Z','modifiedDateTime':'2026-05-13T09:35:00Z',
                                'createdBy':null,'modifiedBy':null},
                       'entity':{'key':null,'id':null,'name':null},
                       'href':'/objects/accounts-receivable/customer-type/2'},
                     'ia::meta':{'totalCount':1}}"""), reply.json());
        });
    }

    @Test
    void aRootHasAParentWithNullFields() {
        harness.run(api -> {
            String key = api.create("{'id':'Top Level Customer'}");
            JsonNode type = api.get(OBJECTS + "/" + key).json().get("ia::result");
            assertEquals(tree("{'key':null,'id':null,'href':null}"), type.get("parent"));
            assertEquals("active", type.get("status").asText(), "status defaults to active");
        });
    }

    @Test
    void patchReproducesTheVendorExampleAndStampsTheModification() {
        harness.run(api -> {
            api.create("{'id':'Account Manager'}");
            String key = api.create("{'id':'Auto ACH'}");
            harness.clock.advance(Duration.ofHours(2));
            Reply reply = api.patch(OBJECTS + "/" + key, "{'status':'inactive'}");
            assertEquals(200, reply.status());
            assertEquals(tree("""
                    {'ia::result':{'key':'2','id':'Auto ACH','href':'/objects/accounts-receivable/customer-type/2'},
                     'ia::meta':{'totalCount':1}}"""), reply.json());
            JsonNode type = api.get(OBJECTS + "/" + key).json().get("ia::result");
            assertEquals("inactive", type.get("status").asText());
            assertEquals("2026-05-13T09:30:00Z", type.get("audit").get("createdDateTime").asText());
            assertEquals("2026-05-13T11:30:00Z", type.get("audit").get("modifiedDateTime").asText());
        });
    }

    @Test
    void deleteAnswers204WithAnEmptyBodyAndTheTypeIsGone() {
        harness.run(api -> {
            String key = api.create("{'id':'Credit Card'}");
            Reply reply = api.delete(OBJECTS + "/" + key);
            assertEquals(204, reply.status());
            assertEquals("", reply.body());
            assertError(api.get(OBJECTS + "/" + key), 404, "notFound", "CC-1404");
            assertError(api.delete(OBJECTS + "/" + key), 404, "notFound", "CC-1404");
            assertEquals("2", api.create("{'id':'Credit Card'}"), "a key is never reused, the name may be");
        });
    }

    @Test
    void parentIsNamedByKeyByIdOrByBoth() {
        harness.run(api -> {
            String root = api.create("{'id':'Reseller'}");
            String byKey = api.create("{'id':'By key','parent':{'key':'" + root + "'}}");
            String byId = api.create("{'id':'By id','parent':{'id':'Reseller'}}");
            String byBoth = api.create("{'id':'By both','parent':{'key':'" + root + "','id':'Reseller'}}");
            String byNumber = api.create("{'id':'By number','parent':{'key':" + root + "}}");
            for (String key : List.of(byKey, byId, byBoth, byNumber)) {
                assertEquals(tree("{'key':'1','id':'Reseller','href':'/objects/accounts-receivable/customer-type/1'}"),
                        api.get(OBJECTS + "/" + key).json().get("ia::result").get("parent"), "type " + key);
            }
            String root2 = api.create("{'id':'End user','parent':null}");
            assertEquals(tree("{'key':null,'id':null,'href':null}"),
                    api.get(OBJECTS + "/" + root2).json().get("ia::result").get("parent"), "parent null is a root");
        });
    }

    @Test
    void parentIdIsMatchedCaseInsensitively() {
        harness.run(api -> {
            api.create("{'id':'Reseller'}");
            String key = api.create("{'id':'Child','parent':{'id':'RESELLER'}}");
            assertEquals("Reseller", api.get(OBJECTS + "/" + key).json().get("ia::result").get("parent").get("id")
                    .asText());
        });
    }

    @Test
    void patchMovesATypeAndParentNullMakesItARoot() {
        harness.run(api -> {
            String a = api.create("{'id':'A'}");
            String b = api.create("{'id':'B'}");
            String child = api.createUnder("Child", a);
            assertEquals(200, api.patch(OBJECTS + "/" + child, "{'parent':{'id':'B'}}").status());
            assertEquals(b, parentKey(api, child));
            assertEquals(200, api.patch(OBJECTS + "/" + child, "{'parent':null}").status());
            assertEquals(null, parentKey(api, child));
            api.patch(OBJECTS + "/" + child, "{'parent':{'key':'" + a + "'}}");
            assertEquals(200, api.patch(OBJECTS + "/" + child, "{'parent':{'key':null,'id':null}}").status());
            assertEquals(null, parentKey(api, child), "a parent reference naming nothing makes a root too");
            assertEquals(200, api.patch(OBJECTS + "/" + child, "{'parent':{'key':'" + a + "'},'status':'inactive'}")
                    .status());
            JsonNode moved = api.get(OBJECTS + "/" + child).json().get("ia::result");
            assertEquals(a, moved.get("parent").get("key").asText());
            assertEquals("inactive", moved.get("status").asText(), "status and parent change in one PATCH");
        });
    }

    @Test
    void patchWithTheSameIdIsAcceptedAndAnEmptyPatchChangesNothing() {
        harness.run(api -> {
            String key = api.create("{'id':'Gold'}");
            Reply same = api.patch(OBJECTS + "/" + key, "{'id':'Gold','status':'inactive'}");
            assertEquals(200, same.status(), same.body());
            assertEquals("Gold", same.json().get("ia::result").get("id").asText());
            JsonNode before = api.get(OBJECTS + "/" + key).json().get("ia::result");
            harness.clock.advance(Duration.ofMinutes(5));
            for (String unchanged : List.of("{}", "{'id':'Gold'}", "{'status':'inactive'}", "{'parent':null}",
                    "{'status':'inactive','parent':{}}")) {
                Reply empty = api.patch(OBJECTS + "/" + key, unchanged);
                assertEquals(200, empty.status(), empty.body());
                assertEquals(before, api.get(OBJECTS + "/" + key).json().get("ia::result"),
                        unchanged + " changes nothing, modifiedDateTime included");
            }
            assertEquals("inactive", before.get("status").asText());
            assertEquals(tree("{'key':null,'id':null,'href':null}"), before.get("parent"));
        });
    }

    @Test
    void patchWithAnotherIdIs400AndChangesNothing() {
        harness.run(api -> {
            String key = api.create("{'id':'Gold'}");
            for (String other : List.of("Silver", "GOLD")) {
                Reply reply = api.patch(OBJECTS + "/" + key, "{'id':'" + other + "','status':'inactive'}");
                JsonNode error = assertError(reply, 400, "invalidRequest", "REST-1064");
                assertEquals(List.of("/id"), targets(error));
                assertEquals("CC-1004", error.get("details").get(0).get("errorId").asText());
            }
            JsonNode type = api.get(OBJECTS + "/" + key).json().get("ia::result");
            assertEquals("Gold", type.get("id").asText());
            assertEquals("active", type.get("status").asText());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", LONG_PREFIX})
    void everyRouteBehavesTheSameUnderBothBasePathsAndHrefsUseTheShortForm(String prefix) {
        harness.run(api -> {
            Reply created = api.post(prefix + OBJECTS, "{'id':'Reseller'}");
            assertEquals(201, created.status());
            assertEquals("/objects/accounts-receivable/customer-type/1",
                    created.json().get("ia::result").get("href").asText());
            api.post(prefix + OBJECTS, "{'id':'Child','parent':{'key':'1'}}");
            assertEquals(List.of("Reseller", "Child"), column(api.get(prefix + OBJECTS), "id"));
            Reply got = api.get(prefix + OBJECTS + "/2");
            assertEquals("/objects/accounts-receivable/customer-type/1",
                    got.json().get("ia::result").get("parent").get("href").asText());
            assertEquals(200, api.patch(prefix + OBJECTS + "/2", "{'status':'inactive'}").status());
            Reply queried = api.post(prefix + QUERY,
                    "{'object':'accounts-receivable/customer-type','filters':[{'$eq':{'status':'inactive'}}]}");
            assertEquals(List.of("/objects/accounts-receivable/customer-type/2"), column(queried, "href"));
            assertEquals(204, api.delete(prefix + OBJECTS + "/2").status());
            assertError(api.get(prefix + OBJECTS + "/2"), 404, "notFound", "CC-1404");
        });
    }

    @Test
    void collectionAndItemAnswerWithATrailingSlashToo() {
        harness.run(api -> {
            assertEquals(201, api.post(OBJECTS + "/", "{'id':'Reseller'}").status());
            assertEquals(List.of("Reseller"), column(api.get(OBJECTS + "/"), "id"));
            assertEquals("Reseller", api.get(OBJECTS + "/1/").json().get("ia::result").get("id").asText());
        });
    }

    @Test
    void theEntityHeaderSelectsTheCompanyAndFillsTheEntityField() {
        harness.registerCompany(7, "Acme Europe");
        harness.run(api -> {
            IntacctHarness.Client acme = api.entity("7");
            String key = acme.create("{'id':'Reseller'}");
            JsonNode type = acme.get(OBJECTS + "/" + key).json().get("ia::result");
            assertEquals(tree("{'key':'7','id':'7','name':'Acme Europe'}"), type.get("entity"));
            assertEquals(List.of("Reseller"), column(acme.get(OBJECTS), "id"));

            assertEquals(List.of(), column(api.get(OBJECTS), "id"), "company 0 does not see company 7");
            assertError(api.get(OBJECTS + "/" + key), 404, "notFound", "CC-1404");
            assertError(api.patch(OBJECTS + "/" + key, "{'status':'inactive'}"), 404, "notFound", "CC-1404");
            assertError(api.delete(OBJECTS + "/" + key), 404, "notFound", "CC-1404");
            assertEquals(201, api.post(OBJECTS, "{'id':'Reseller'}").status(), "names are unique per company only");
            assertEquals(tree("{'key':null,'id':null,'name':null}"),
                    api.get(OBJECTS + "/2").json().get("ia::result").get("entity"), "company 0 has a null entity");
            assertEquals("active", acme.get(OBJECTS + "/" + key).json().get("ia::result").get("status").asText());
            assertEquals(List.of("Reseller"), column(api.entity(" 7 ").get(OBJECTS), "id"),
                    "the header value is trimmed");
            assertEquals(List.of("Reseller"), column(api.entity("0").get(OBJECTS), "id"), "0 is the default company");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "abc", "-1", "", "1.5", "99999999999999999999"})
    void anUnknownOrMalformedEntityIs404OnEveryRoute(String entity) {
        harness.run(api -> {
            IntacctHarness.Client unknown = api.entity(entity);
            List<Reply> replies = List.of(unknown.get(OBJECTS), unknown.post(OBJECTS, "{'id':'A'}"),
                    unknown.get(OBJECTS + "/1"), unknown.patch(OBJECTS + "/1", "{}"), unknown.delete(OBJECTS + "/1"),
                    unknown.query("{'object':'accounts-receivable/customer-type'}"));
            for (Reply reply : replies) {
                JsonNode error = assertError(reply, 404, "notFound", "CC-1405");
                assertEquals("CC.ENTITY_NOT_FOUND", error.get("additionalInfo").get("messageId").asText());
            }
            assertEquals(List.of(), column(api.get(OBJECTS), "id"), "nothing was created anywhere");
        });
    }

    @Test
    void listPagingMetaOnFirstMiddleLastAndEmptyPages() {
        harness.run(api -> {
            for (int i = 1; i <= 7; i++) {
                api.create("{'id':'T" + i + "'}");
            }
            Reply first = api.get(OBJECTS + "?size=3");
            assertEquals(List.of("T1", "T2", "T3"), column(first, "id"));
            assertEquals(tree("{'totalCount':7,'start':1,'pageSize':3,'next':4,'previous':null}"),
                    first.json().get("ia::meta"));
            Reply middle = api.get(OBJECTS + "?start=4&size=3");
            assertEquals(List.of("T4", "T5", "T6"), column(middle, "id"));
            assertEquals(tree("{'totalCount':7,'start':4,'pageSize':3,'next':7,'previous':1}"),
                    middle.json().get("ia::meta"));
            Reply last = api.get(OBJECTS + "?start=7&size=3");
            assertEquals(List.of("T7"), column(last, "id"));
            assertEquals(tree("{'totalCount':7,'start':7,'pageSize':3,'next':null,'previous':4}"),
                    last.json().get("ia::meta"));
            Reply offset = api.get(OBJECTS + "?start=2&size=3");
            assertEquals(tree("{'totalCount':7,'start':2,'pageSize':3,'next':5,'previous':1}"),
                    offset.json().get("ia::meta"), "previous is never below 1");
            Reply past = api.get(OBJECTS + "?start=20&size=3");
            assertEquals(List.of(), column(past, "id"));
            assertEquals(tree("{'totalCount':7,'start':20,'pageSize':3,'next':null,'previous':17}"),
                    past.json().get("ia::meta"));
        });
    }

    @Test
    void anEmptyListHasZeroTotalAndNoNeighbours() {
        harness.run(api -> assertEquals(tree("""
                {'ia::result':[],'ia::meta':{'totalCount':0,'start':1,'pageSize':100,'next':null,'previous':null}}"""),
                api.get(OBJECTS).json()));
    }

    @Test
    void listSizeGoesUpTo4000() {
        harness.run(api -> {
            api.create("{'id':'Only'}");
            assertEquals(4000, api.get(OBJECTS + "?size=4000").json().get("ia::meta").get("pageSize").asInt());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "start=0    | /start | start must be an integer from 1 to 2147483647, got 0",
        "start=x    | /start | start must be an integer from 1 to 2147483647, got x",
        "size=0     | /size  | size must be an integer from 1 to 4000, got 0",
        "size=4001  | /size  | size must be an integer from 1 to 4000, got 4001",
        "size=-5    | /size  | size must be an integer from 1 to 4000, got -5",
        "size=1.5   | /size  | size must be an integer from 1 to 4000, got 1.5",
    })
    void badListPagingIs400(String query, String target, String message) {
        harness.run(api -> {
            assertBadRequest(api.get(OBJECTS + "?" + query), "CC-3006", message, target);
        });
    }

    @Test
    void auditTimesAreUtcSecondsAndOnlyModifiedMovesOnUpdate() {
        harness.clock.set(Instant.parse("2026-01-07T06:18:51.987Z"));
        harness.run(api -> {
            String key = api.create("{'id':'Client Start Trial'}");
            harness.clock.advance(Duration.ofDays(3));
            api.patch(OBJECTS + "/" + key, "{'status':'inactive'}");
            JsonNode audit = api.get(OBJECTS + "/" + key).json().get("ia::result").get("audit");
            assertEquals("2026-01-07T06:18:51Z", audit.get("createdDateTime").asText());
            assertEquals("2026-01-10T06:18:51Z", audit.get("modifiedDateTime").asText());
        });
    }

    private static String parentKey(IntacctHarness.Client api, String key) {
        return api.get(OBJECTS + "/" + key).json().get("ia::result").get("parent").get("key").asText(null);
    }
}
