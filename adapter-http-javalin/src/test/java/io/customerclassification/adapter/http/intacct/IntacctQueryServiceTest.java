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
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query service ({@code POST /services/core/query}): fields, aggregates, ordering, paging and its
 * {@code ia::meta}, the hierarchy extension and the errors of each part of the request.
 */
class IntacctQueryServiceTest {

    private static final String OBJECT = "'object':'accounts-receivable/customer-type'";

    private final IntacctHarness harness = new IntacctHarness();

    /**
     * The seed's data: 1 Customer - Direct, 2 Customer - Channel, 3 Retired (inactive), 4 Partners,
     * 5 Partner (under 4), 6 Platinum Level Customer (under 1), created a minute apart.
     */
    private void withSeedTypes(Consumer<IntacctHarness.Client> test) {
        harness.run(api -> {
            api.create("{'id':'Customer - Direct'}");
            for (String body : List.of("{'id':'Customer - Channel'}", "{'id':'Retired','status':'inactive'}",
                    "{'id':'Partners'}", "{'id':'Partner','parent':{'key':'4'}}",
                    "{'id':'Platinum Level Customer','parent':{'id':'Customer - Direct'}}")) {
                harness.clock.advance(Duration.ofMinutes(1));
                api.create(body);
            }
            test.accept(api);
        });
    }

    @Test
    void theVendorQueryExampleIsReproduced() {
        withSeedTypes(api -> {
            Reply reply = api.query("""
                    {'object':'accounts-receivable/customer-type','filters':[{'$eq':{'status':'active'}}],
                     'fields':['key','id','href'],'orderBy':[{'id':'asc'}]}""");
            assertEquals(200, reply.status());
            assertEquals(tree("""
                    {'ia::result':[
                      {'key':'2','id':'Customer - Channel','href':'/objects/accounts-receivable/customer-type/2'},
                      {'key':'1','id':'Customer - Direct','href':'/objects/accounts-receivable/customer-type/1'},
                      {'key':'5','id':'Partner','href':'/objects/accounts-receivable/customer-type/5'},
                      {'key':'4','id':'Partners','href':'/objects/accounts-receivable/customer-type/4'},
                      {'key':'6','id':'Platinum Level Customer','href':'/objects/accounts-receivable/customer-type/6'}],
                     'ia::meta':{'totalCount':5,'start':1,'pageSize':100,'next':null,'previous':null}}"""),
                    reply.json());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {QUERY, LONG_PREFIX + QUERY})
    void withoutFieldsFiltersOrOrderTheQueryReturnsKeyIdAndHrefOfEveryTypeByKey(String path) {
        withSeedTypes(api -> {
            Reply reply = api.post(path, "{" + OBJECT + "}");
            assertEquals(List.of("1", "2", "3", "4", "5", "6"), column(reply, "key"));
            assertEquals(tree("{'key':'1','id':'Customer - Direct',"
                    + "'href':'/objects/accounts-receivable/customer-type/1'}"), reply.json().get("ia::result").get(0));
            assertEquals(tree("{'totalCount':6,'start':1,'pageSize':100,'next':null,'previous':null}"),
                    reply.json().get("ia::meta"));
        });
    }

    @Test
    void everyFieldPlainAndDottedComesBackFlatInTheOrderAsked() {
        harness.registerCompany(7, "Acme Europe");
        harness.run(api -> {
            IntacctHarness.Client acme = api.entity("7");
            String parent = acme.create("{'id':'Reseller'}");
            harness.clock.advance(Duration.ofHours(1));
            String child = acme.createUnder("Value added", parent);
            harness.clock.advance(Duration.ofHours(1));
            acme.patch(OBJECTS + "/" + child, "{'status':'inactive'}");
            Reply reply = acme.query("{" + OBJECT + ",'fields':['entity.name','entity.id','entity.key',"
                    + "'audit.modifiedBy','audit.createdBy','audit.modifiedDateTime','audit.createdDateTime',"
                    + "'parent.href','parent.id','parent.key','status','href','id','key'],"
                    + "'filters':[{'$eq':{'key':'" + child + "'}}]}");
            JsonNode row = reply.json().get("ia::result").get(0);
            assertEquals(tree("""
                    {'entity.name':'Acme Europe','entity.id':'7','entity.key':'7','audit.modifiedBy':null,
                     'audit.createdBy':null,'audit.modifiedDateTime':'2026-05-13T11:30:00Z',
                     'audit.createdDateTime':'2026-05-13T10:30:00Z',
                     'parent.href':'/objects/accounts-receivable/customer-type/1','parent.id':'Reseller',
                     'parent.key':'1','status':'inactive','href':'/objects/accounts-receivable/customer-type/2',
                     'id':'Value added','key':'2'}"""), row);
            List<String> names = new ArrayList<>();
            row.fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("entity.name", "entity.id", "entity.key", "audit.modifiedBy", "audit.createdBy",
                    "audit.modifiedDateTime", "audit.createdDateTime", "parent.href", "parent.id", "parent.key",
                    "status", "href", "id", "key"), names);

            JsonNode root = acme.query("{" + OBJECT + ",'fields':['parent.key','parent.id','parent.href'],"
                    + "'filters':[{'$eq':{'key':'" + parent + "'}}]}").json().get("ia::result").get(0);
            assertEquals(tree("{'parent.key':null,'parent.id':null,'parent.href':null}"), root);
            JsonNode defaultEntity = api.query("{" + OBJECT + ",'fields':['entity.key','entity.id','entity.name']}")
                    .json().get("ia::result");
            assertEquals(tree("[]"), defaultEntity, "company 0 does not see company 7's types");
        });
    }

    @Test
    void theQueryOnlySeesTheCompanyOfTheEntityHeader() {
        harness.registerCompany(7, "Acme Europe");
        withSeedTypes(api -> {
            api.entity("7").create("{'id':'Partner'}");
            Reply acme = api.entity("7").query("{" + OBJECT + ",'fields':['id','entity.name']}");
            assertEquals(tree("[{'id':'Partner','entity.name':'Acme Europe'}]"), acme.json().get("ia::result"));
            assertEquals(6, api.query("{" + OBJECT + "}").json().get("ia::meta").get("totalCount").asInt());
            assertEquals(tree("{'entity.name':null}"), api.query("{" + OBJECT + ",'fields':['entity.name']}").json()
                    .get("ia::result").get(0));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', value = {
        "'fields':['key','colour']                           | CC-3002 | /fields/1  | Unknown field colour",
        "'fields':['parent.name']                            | CC-3002 | /fields/0  | Unknown field parent.name",
        "'fields':['Key']                                    | CC-3002 | /fields/0  | Unknown field Key",
        "'fields':[]                                         | CC-3002 | /fields    | fields must be a non-empty array of field names",
        "'fields':'key'                                      | CC-3002 | /fields    | fields must be a non-empty array of field names",
        "'fields':[1]                                        | CC-3002 | /fields/0  | fields must be field names",
        "'fields':['sum:id']                                 | CC-3002 | /fields/0  | sum applies to numeric fields (key, parent.key) only, not to id",
        "'fields':['avg:audit.createdDateTime']              | CC-3002 | /fields/0  | avg applies to numeric fields (key, parent.key) only, not to audit.createdDateTime",
        "'fields':['median:key']                             | CC-3002 | /fields/0  | Unknown aggregate function in median:key; use count, min, max, sum or avg",
        "'fields':[':key']                                   | CC-3002 | /fields/0  | Unknown aggregate function in :key; use count, min, max, sum or avg",
        "'fields':['count:href']                             | CC-3002 | /fields/0  | href cannot be aggregated",
        "'fields':['max:entity.name']                        | CC-3002 | /fields/0  | entity.name cannot be aggregated",
        "'fields':['count:colour']                           | CC-3002 | /fields/0  | Unknown field colour",
        "'orderBy':[{'id':'up'}]                             | CC-3005 | /orderBy/0 | Sort direction must be asc or desc, got \"up\"",
        "'orderBy':[{'id':1}]                                | CC-3005 | /orderBy/0 | Sort direction must be asc or desc, got 1",
        "'orderBy':[{'colour':'asc'}]                        | CC-3005 | /orderBy/0 | Unknown field colour",
        "'orderBy':[{'href':'asc'}]                          | CC-3005 | /orderBy/0 | href cannot be sorted on",
        "'orderBy':[{'id':'asc','key':'desc'}]               | CC-3005 | /orderBy/0 | Each orderBy entry is {\"field\": \"asc\"|\"desc\"}",
        "'orderBy':['id']                                    | CC-3005 | /orderBy/0 | Each orderBy entry is {\"field\": \"asc\"|\"desc\"}",
        "'size':4001                                         | CC-3006 | /size      | size must be an integer from 1 to 4000, got 4001",
        "'size':0                                            | CC-3006 | /size      | size must be an integer from 1 to 4000, got 0",
        "'size':'10'                                         | CC-3006 | /size      | size must be an integer from 1 to 4000, got \"10\"",
        "'size':2.5                                          | CC-3006 | /size      | size must be an integer from 1 to 4000, got 2.5",
        "'start':0                                           | CC-3006 | /start     | start must be an integer from 1 to 2147483647, got 0",
        "'start':-1                                          | CC-3006 | /start     | start must be an integer from 1 to 2147483647, got -1",
        "'start':true                                        | CC-3006 | /start     | start must be an integer from 1 to 2147483647, got true",
        "'start':99999999999                                 | CC-3006 | /start     | start must be an integer from 1 to 2147483647, got 99999999999",
        "'filterParameters':[]                               | CC-3007 | /filterParameters | filterParameters must be an object",
        "'filterParameters':{'caseSensitiveComparison':'no'} | CC-3007 | /filterParameters/caseSensitiveComparison | caseSensitiveComparison must be true or false",
        "'filterParameters':{'includeHierarchyFields':1}     | CC-3007 | /filterParameters/includeHierarchyFields | includeHierarchyFields must be true or false",
        "'filterParameters':{'includePrivate':null}          | CC-3007 | /filterParameters/includePrivate | includePrivate must be true or false",
        "'filterParameters':{'asOfDate':'13/05/2026'}        | CC-3007 | /filterParameters/asOfDate | asOfDate must be a date (YYYY-MM-DD), was 13/05/2026",
        "'filterParameters':{'asOfDate':20260513}            | CC-3007 | /filterParameters/asOfDate | asOfDate must be a date (YYYY-MM-DD)",
        "'filterParameters':{'timezone':'UTC'}               | CC-3007 | /filterParameters/timezone | Unknown filter parameter timezone",
    })
    void aBadPartOfTheQueryIs400WithItsErrorIdAndTarget(String part, String errorId, String target, String message) {
        withSeedTypes(api -> assertBadRequest(api.query("{" + OBJECT + "," + part + "}"), errorId, message, target));
    }

    @Test
    void aggregatesReturnOneRowWithTheirLabels() {
        withSeedTypes(api -> {
            Reply reply = api.query("{" + OBJECT + ",'fields':['count:key','count:parent.key','min:id','max:id',"
                    + "'sum:key','avg:key','min:audit.createdDateTime','max:audit.createdDateTime','max:parent.key',"
                    + "'min:status','count:audit.createdBy']}");
            assertEquals(tree("""
                    {'ia::result':[{'count:key':6,'count:parent.key':2,'min:id':'Customer - Channel',
                       'max:id':'Retired','sum:key':21,'avg:key':3.5,'min:audit.createdDateTime':'2026-05-13T09:30:00Z',
                       'max:audit.createdDateTime':'2026-05-13T09:35:00Z','max:parent.key':'4','min:status':'active',
                       'count:audit.createdBy':0}],
                     'ia::meta':{'totalCount':1,'start':1,'pageSize':100,'next':null,'previous':null}}"""),
                    reply.json());
        });
    }

    @Test
    void aggregatesApplyTheFiltersAndAreNullOverNothing() {
        withSeedTypes(api -> {
            JsonNode partners = api.query("{" + OBJECT + ",'fields':['count:key','max:key'],"
                    + "'filters':[{'$startsWith':{'id':'Partner'}}]}").json().get("ia::result").get(0);
            assertEquals(tree("{'count:key':2,'max:key':'5'}"), partners);
            JsonNode nothing = api.query("{" + OBJECT + ",'fields':['count:key','min:id','sum:key','avg:parent.key'],"
                    + "'filters':[{'$eq':{'id':'Nobody'}}]}").json().get("ia::result").get(0);
            assertEquals(tree("{'count:key':0,'min:id':null,'sum:key':null,'avg:parent.key':null}"), nothing);
        });
    }

    @Test
    void aggregatesAndPlainFieldsCannotBeMixed() {
        withSeedTypes(api -> {
            JsonNode error = assertError(api.query("{" + OBJECT + ",'fields':['id','count:key']}"), 400,
                    "invalidRequest", "CC-3002");
            assertEquals("fields cannot mix aggregates and plain fields", error.get("message").asText());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "[{'id':'asc'}]                          | 2 1 5 4 6 3",
        "[{'id':'desc'}]                         | 3 6 4 5 1 2",
        "[{'id':'DESC'}]                         | 3 6 4 5 1 2",
        "[{'key':'desc'}]                        | 6 5 4 3 2 1",
        "[{'status':'desc'},{'id':'asc'}]        | 3 2 1 5 4 6",
        "[{'parent.id':'asc'}]                   | 1 2 3 4 6 5",
        "[{'parent.key':'desc'},{'key':'desc'}]  | 5 6 4 3 2 1",
        "[{'audit.createdDateTime':'desc'}]      | 6 5 4 3 2 1",
        "[]                                      | 1 2 3 4 5 6",
    })
    void orderByTakesOneOrMoreFieldsThenBreaksTiesByKey(String orderBy, String expected) {
        withSeedTypes(api -> assertEquals(List.of(expected.split(" ")),
                column(api.query("{" + OBJECT + ",'fields':['key'],'orderBy':" + orderBy + "}"), "key")));
    }

    @Test
    void orderByMustBeAnArray() {
        withSeedTypes(api -> assertEquals(List.of("/orderBy"), targets(assertError(
                api.query("{" + OBJECT + ",'orderBy':{'id':'asc'}}"), 400, "invalidRequest", "CC-3005"))));
    }

    @Test
    void queryPagingMetaOnFirstMiddleLastAndEmptyPages() {
        withSeedTypes(api -> {
            Reply first = api.query("{" + OBJECT + ",'fields':['key'],'size':4}");
            assertEquals(List.of("1", "2", "3", "4"), column(first, "key"));
            assertEquals(tree("{'totalCount':6,'start':1,'pageSize':4,'next':5,'previous':null}"),
                    first.json().get("ia::meta"));
            Reply middle = api.query("{" + OBJECT + ",'fields':['key'],'start':3,'size':2}");
            assertEquals(List.of("3", "4"), column(middle, "key"));
            assertEquals(tree("{'totalCount':6,'start':3,'pageSize':2,'next':5,'previous':1}"),
                    middle.json().get("ia::meta"));
            Reply last = api.query("{" + OBJECT + ",'fields':['key'],'start':5,'size':4}");
            assertEquals(List.of("5", "6"), column(last, "key"));
            assertEquals(tree("{'totalCount':6,'start':5,'pageSize':4,'next':null,'previous':1}"),
                    last.json().get("ia::meta"));
            Reply exact = api.query("{" + OBJECT + ",'fields':['key'],'start':4,'size':3}");
            assertEquals(tree("{'totalCount':6,'start':4,'pageSize':3,'next':null,'previous':1}"),
                    exact.json().get("ia::meta"), "next is null when start + pageSize passes totalCount");
            Reply empty = api.query("{" + OBJECT + ",'filters':[{'$eq':{'id':'Nobody'}}]}");
            assertEquals(tree("""
                    {'ia::result':[],
                     'ia::meta':{'totalCount':0,'start':1,'pageSize':100,'next':null,'previous':null}}"""), empty.json());
            Reply past = api.query("{" + OBJECT + ",'start':50,'size':10}");
            assertEquals(tree("{'totalCount':6,'start':50,'pageSize':10,'next':null,'previous':40}"),
                    past.json().get("ia::meta"));
        });
    }

    @Test
    void nextIsGivenWhenTheNextPageStartsAtTheLastRecord() {
        withSeedTypes(api -> assertEquals(6, api.query("{" + OBJECT + ",'start':1,'size':5}").json().get("ia::meta")
                .get("next").asInt(), "start + pageSize = totalCount still has a next page"));
    }

    @Test
    void sizeGoesUpTo4000() {
        withSeedTypes(api -> assertEquals(4000, api.query("{" + OBJECT + ",'size':4000}").json().get("ia::meta")
                .get("pageSize").asInt()));
    }

    @Test
    void includeHierarchyFieldsAddsDepthAndPathFromTheRoot() {
        withSeedTypes(api -> {
            api.createUnder("Partner Plus", "5");
            Reply reply = api.query("{" + OBJECT + ",'fields':['id'],'filters':[{'$startsWith':{'id':'Partner'}}],"
                    + "'filterParameters':{'includeHierarchyFields':true}}");
            assertEquals(tree("""
                    [{'id':'Partners','ia::hierarchy':{'depth':1,'path':['4']}},
                     {'id':'Partner','ia::hierarchy':{'depth':2,'path':['4','5']}},
                     {'id':'Partner Plus','ia::hierarchy':{'depth':3,'path':['4','5','7']}}]"""),
                    reply.json().get("ia::result"));
            JsonNode plain = api.query("{" + OBJECT + ",'filterParameters':{'includeHierarchyFields':false}}").json();
            assertFalse(plain.get("ia::result").get(0).has("ia::hierarchy"));
        });
    }

    @Test
    void includePrivateIsAcceptedAndChangesNothing() {
        withSeedTypes(api -> assertEquals(6, api.query("{" + OBJECT + ",'filterParameters':{'includePrivate':true}}")
                .json().get("ia::meta").get("totalCount").asInt()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{}                                                 | object is required",
        "{'object':'accounts-payable/vendor'}               | Unknown object \"accounts-payable/vendor\"; this service knows accounts-receivable/customer-type",
        "{'object':'accounts-receivable/customer-type/1'}   | Unknown object \"accounts-receivable/customer-type/1\"; this service knows accounts-receivable/customer-type",
        "{'object':5}                                       | Unknown object 5; this service knows accounts-receivable/customer-type",
        "{'object':null}                                    | Unknown object null; this service knows accounts-receivable/customer-type",
    })
    void aMissingOrUnknownObjectIs400(String body, String message) {
        withSeedTypes(api -> {
            assertBadRequest(api.query(body), "CC-3001", message, "/object");
        });
    }

    @Test
    void anUnknownPropertyOfTheQueryIsRest1043() {
        withSeedTypes(api -> {
            JsonNode error = assertError(api.query("{" + OBJECT + ",'limit':5}"), 400, "invalidRequest", "REST-1064");
            assertEquals(tree("[{'code':'invalidRequest','message':'/limit is not a valid field','errorId':'REST-1043',"
                    + "'target':'/limit'}]"), error.get("details"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "'accounts-receivable/customer-type'", "null"})
    void aQueryThatIsNoObjectIs400(String body) {
        withSeedTypes(api -> {
            JsonNode error = assertError(api.query(body), 400, "invalidRequest", "CC-3000");
            assertEquals("The query must be a JSON object", error.get("message").asText());
        });
    }

    @Test
    void aQueryThatIsNoJsonIsRest1064() {
        withSeedTypes(api -> assertEquals("CC-1003", assertError(api.query("{'object':"), 400, "invalidRequest",
                "REST-1064").get("details").get(0).get("errorId").asText()));
    }
}
