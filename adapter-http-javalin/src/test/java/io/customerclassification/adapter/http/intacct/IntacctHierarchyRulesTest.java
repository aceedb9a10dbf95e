package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.OBJECTS;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertError;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.column;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.targets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT §2 hierarchy rules through HTTP: each refusal is a 422 with its own code and errorId, leaves the
 * data as it was, and the limit case next to it is accepted. Duplicate ids are 409.
 */
class IntacctHierarchyRulesTest {

    private final IntacctHarness harness = new IntacctHarness();

    /** Checks a rule refusal and that its target points at the field concerned. */
    private static JsonNode assertRule(Reply reply, String code, String errorId, String messageId, String target) {
        JsonNode error = assertError(reply, 422, code, errorId);
        assertEquals(messageId, error.get("additionalInfo").get("messageId").asText(), reply.body());
        assertEquals(target == null ? List.of() : List.of(target), targets(error), reply.body());
        return error;
    }

    private static JsonNode type(IntacctHarness.Client api, String key) {
        return api.get(OBJECTS + "/" + key).json().get("ia::result");
    }

    private static String parentOf(IntacctHarness.Client api, String key) {
        return type(api, key).get("parent").get("key").asText(null);
    }

    @Test
    void aTypeCannotBeItsOwnParent() {
        harness.run(api -> {
            String key = api.create("{'id':'A'}");
            JsonNode error = assertRule(api.patch(OBJECTS + "/" + key, "{'parent':{'key':'" + key + "'}}"),
                    "selfParent", "CC-2003", "CC.SELF_PARENT", "/parent");
            assertEquals("Customer type 1 cannot be its own parent", error.get("message").asText());
            assertRule(api.patch(OBJECTS + "/" + key, "{'parent':{'id':'A'}}"), "selfParent", "CC-2003",
                    "CC.SELF_PARENT", "/parent");
            assertEquals(null, parentOf(api, key));
        });
    }

    @Test
    void aTypeCannotMoveUnderItsOwnDescendant() {
        harness.run(api -> {
            String a = api.create("{'id':'A'}");
            String b = api.createUnder("B", a);
            String c = api.createUnder("C", b);
            JsonNode error = assertRule(api.patch(OBJECTS + "/" + a, "{'parent':{'key':'" + c + "'}}"),
                    "hierarchyCycle", "CC-2004", "CC.HIERARCHY_CYCLE", "/parent");
            assertEquals("Customer type 3 is a descendant of 1 and cannot become its parent",
                    error.get("message").asText());
            assertRule(api.patch(OBJECTS + "/" + a, "{'parent':{'key':'" + b + "'}}"), "hierarchyCycle", "CC-2004",
                    "CC.HIERARCHY_CYCLE", "/parent");
            assertEquals(null, parentOf(api, a));
            assertEquals(200, api.patch(OBJECTS + "/" + c, "{'parent':{'key':'" + a + "'}}").status(),
                    "moving a descendant up is no cycle");
        });
    }

    /** Creates a chain of {@code depth} types, root first, and returns their keys. */
    private static List<String> chain(IntacctHarness.Client api, String prefix, int depth) {
        List<String> keys = new ArrayList<>();
        keys.add(api.create("{'id':'" + prefix + "1'}"));
        for (int level = 2; level <= depth; level++) {
            keys.add(api.createUnder(prefix + level, keys.get(keys.size() - 1)));
        }
        return keys;
    }

    /** {@code additionalInfo.placeholders} of a rule refusal: the values its message speaks of, by name. */
    private static void assertPlaceholders(Reply reply, String errorId, String singleQuoted) {
        JsonNode error = assertError(reply, 422, error(reply).get("code").asText(), errorId);
        assertEquals(IntacctHarness.tree(singleQuoted), error.at("/additionalInfo/placeholders"), reply.body());
        List<String> names = new ArrayList<>();
        error.at("/additionalInfo/placeholders").fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String value = error.at("/additionalInfo/placeholders/" + name).asText();
            assertTrue(error.get("message").asText().contains(value), name + " is a value the message speaks of: "
                    + reply.body());
        }
    }

    private static JsonNode error(Reply reply) {
        return reply.json().at("/ia::result/ia::error");
    }

    @Test
    void everyRuleRefusalNamesTheValuesItSpeaksOfInPlaceholders() {
        harness.run(api -> {
            String a = api.create("{'id':'A'}");
            String b = api.create("{'id':'B'}");
            String c = api.createUnder("C", a);
            String inactive = api.create("I", "inactive");
            String dormant = api.create("{'id':'J','status':'inactive','parent':{'key':'" + inactive + "'}}");
            assertPlaceholders(api.post(OBJECTS, "{'id':'X','parent':{'key':'99'}}"), "CC-2001",
                    "{'PARENT_KEY':'99','ENTITY':'0'}");
            assertPlaceholders(api.post(OBJECTS, "{'id':'X','parent':{'id':'Nope'}}"), "CC-2001",
                    "{'PARENT_ID':'Nope','ENTITY':'0'}");
            assertPlaceholders(api.post(OBJECTS, "{'id':'X','parent':{'key':'" + a + "','id':'B'}}"), "CC-2002",
                    "{'PARENT_KEY':'" + a + "','PARENT_ID':'B'}");
            assertPlaceholders(api.patch(OBJECTS + "/" + a, "{'parent':{'key':'" + a + "'}}"), "CC-2003",
                    "{'KEY':'" + a + "'}");
            assertPlaceholders(api.patch(OBJECTS + "/" + a, "{'parent':{'key':'" + c + "'}}"), "CC-2004",
                    "{'KEY':'" + a + "','PARENT_KEY':'" + c + "'}");
            assertPlaceholders(api.post(OBJECTS, "{'id':'X','parent':{'key':'" + inactive + "'}}"), "CC-2006",
                    "{'PARENT_KEY':'" + inactive + "','INACTIVE_KEY':'" + inactive + "'}");
            assertPlaceholders(api.patch(OBJECTS + "/" + b, "{'parent':{'key':'" + dormant + "'}}"), "CC-2007",
                    "{'KEY':'" + b + "','PARENT_KEY':'" + dormant + "','INACTIVE_KEY':'" + dormant + "'}");
            assertPlaceholders(api.patch(OBJECTS + "/" + a, "{'status':'inactive'}"), "CC-2008",
                    "{'KEY':'" + a + "','CHILD_KEYS':'" + c + "'}");
            assertPlaceholders(api.patch(OBJECTS + "/" + dormant, "{'status':'active'}"), "CC-2009",
                    "{'KEY':'" + dormant + "','INACTIVE_KEY':'" + inactive + "'}");
            assertPlaceholders(api.delete(OBJECTS + "/" + a), "CC-2010", "{'KEY':'" + a + "','CHILD_KEYS':'" + c + "'}");
            List<String> deep = chain(api, "L", 64);
            assertPlaceholders(api.post(OBJECTS, "{'id':'L65','parent':{'key':'" + deep.get(63) + "'}}"), "CC-2005",
                    "{'PARENT_KEY':'" + deep.get(63) + "','DEPTH':'65','MAX_DEPTH':'64'}");
        });
    }

    @Test
    void depth64IsAcceptedAndACreateAtDepth65IsRefused() {
        harness.run(api -> {
            List<String> keys = chain(api, "L", 64);
            assertEquals(64, keys.size(), "a 64-deep chain is accepted");
            Reply tooDeep = api.post(OBJECTS, "{'id':'L65','parent':{'key':'" + keys.get(63) + "'}}");
            JsonNode error = assertRule(tooDeep, "hierarchyTooDeep", "CC-2005", "CC.HIERARCHY_TOO_DEEP", "/parent");
            assertEquals("The hierarchy would be 65 levels deep under customer type 64; at most 64 are allowed",
                    error.get("message").asText());
            assertEquals(64, api.get(OBJECTS).json().get("ia::meta").get("totalCount").asInt(), "nothing was created");
        });
    }

    @Test
    void aMoveIsRefusedWhenTheDeepestNodeOfTheSubtreeWouldPassDepth64() {
        harness.run(api -> {
            List<String> deep = chain(api, "L", 63);
            String top = api.create("{'id':'Top'}");
            String leaf = api.createUnder("Leaf", top);
            Reply refused = api.patch(OBJECTS + "/" + top, "{'parent':{'key':'" + deep.get(62) + "'}}");
            JsonNode error = assertRule(refused, "hierarchyTooDeep", "CC-2005", "CC.HIERARCHY_TOO_DEEP", "/parent");
            assertTrue(error.get("message").asText().startsWith("The hierarchy would be 65 levels deep"),
                    error.get("message").asText());
            assertEquals(null, parentOf(api, top));

            assertEquals(200, api.patch(OBJECTS + "/" + top, "{'parent':{'key':'" + deep.get(61) + "'}}").status(),
                    "the leaf ends up at depth exactly 64");
            Reply lineage = api.query("{'object':'accounts-receivable/customer-type','fields':['key'],"
                    + "'filters':[{'$eq':{'key':'" + leaf + "'}}],'filterParameters':{'includeHierarchyFields':true}}");
            assertEquals(64, lineage.json().get("ia::result").get(0).get("ia::hierarchy").get("depth").asInt());
        });
    }

    @Test
    void anActiveTypeCannotBeCreatedUnderAnInactiveParent() {
        harness.run(api -> {
            String parent = api.create("Retired", "inactive");
            JsonNode error = assertRule(api.post(OBJECTS, "{'id':'Child','parent':{'key':'" + parent + "'}}"),
                    "inactiveParentOnCreate", "CC-2006", "CC.INACTIVE_OBJECT_REFERENCED", "/parent");
            assertTrue(error.get("message").asText().startsWith("Inactive objects cannot be referenced"),
                    error.get("message").asText());
            assertEquals(List.of("Retired"), column(api.get(OBJECTS), "id"));
            String child = api.create("{'id':'Child','status':'inactive','parent':{'id':'Retired'}}");
            assertEquals("inactive", type(api, child).get("status").asText(), "an inactive child is accepted");
        });
    }

    @Test
    void anActiveTypeCannotBeMovedUnderAnInactiveParent() {
        harness.run(api -> {
            String retired = api.create("Retired", "inactive");
            String active = api.create("{'id':'Active'}");
            assertRule(api.patch(OBJECTS + "/" + active, "{'parent':{'key':'" + retired + "'}}"),
                    "inactiveParentOnMove", "CC-2007", "CC.INACTIVE_OBJECT_REFERENCED", "/parent");
            assertEquals(null, parentOf(api, active));
            Reply both = api.patch(OBJECTS + "/" + active, "{'parent':{'key':'" + retired + "'},'status':'inactive'}");
            assertEquals(200, both.status(), "deactivating while moving under an inactive parent is accepted");
            assertEquals(retired, parentOf(api, active));
        });
    }

    @Test
    void aTypeWithActiveChildrenCannotBeDeactivated() {
        harness.run(api -> {
            String parent = api.create("{'id':'Parent'}");
            String child = api.createUnder("Child", parent);
            JsonNode error = assertRule(api.patch(OBJECTS + "/" + parent, "{'status':'inactive'}"),
                    "activeChildren", "CC-2008", "CC.ACTIVE_CHILDREN", "/status");
            assertEquals("Customer type 1 cannot be deactivated while it has active children [2]",
                    error.get("message").asText());
            assertEquals("active", type(api, parent).get("status").asText());
            assertEquals(200, api.patch(OBJECTS + "/" + child, "{'status':'inactive'}").status());
            assertEquals(200, api.patch(OBJECTS + "/" + parent, "{'status':'inactive'}").status(),
                    "with its children inactive the parent can follow");
        });
    }

    @Test
    void aTypeCannotBeActivatedUnderAnInactiveParent() {
        harness.run(api -> {
            String parent = api.create("Retired", "inactive");
            String child = api.create("{'id':'Child','status':'inactive','parent':{'key':'" + parent + "'}}");
            JsonNode error = assertRule(api.patch(OBJECTS + "/" + child, "{'status':'active'}"),
                    "inactiveAncestor", "CC-2009", "CC.INACTIVE_ANCESTOR", "/status");
            assertTrue(error.get("message").asText().startsWith("Inactive objects cannot be referenced"),
                    error.get("message").asText());
            assertEquals("inactive", type(api, child).get("status").asText());
            assertEquals(200, api.patch(OBJECTS + "/" + child, "{'status':'active','parent':null}").status(),
                    "activating while moving to the root is accepted");
        });
    }

    @Test
    void aTypeWithChildrenCannotBeDeleted() {
        harness.run(api -> {
            String parent = api.create("{'id':'Parent'}");
            String child = api.createUnder("Child", parent);
            JsonNode error = assertRule(api.delete(OBJECTS + "/" + parent), "hasChildren", "CC-2010",
                    "CC.HAS_CHILDREN", null);
            assertEquals("Customer type 1 cannot be deleted while it has children [2]", error.get("message").asText());
            assertEquals(List.of("Parent", "Child"), column(api.get(OBJECTS), "id"));
            assertEquals(204, api.delete(OBJECTS + "/" + child).status());
            assertEquals(204, api.delete(OBJECTS + "/" + parent).status());
        });
    }

    @Test
    void aParentGivenByKeyAndIdMustNameOneRecord() {
        harness.run(api -> {
            String a = api.create("{'id':'A'}");
            api.create("{'id':'B'}");
            JsonNode error = assertRule(api.post(OBJECTS, "{'id':'C','parent':{'key':'" + a + "','id':'B'}}"),
                    "parentReferenceMismatch", "CC-2002", "CC.PARENT_REFERENCE_MISMATCH", "/parent");
            assertEquals("Parent key 1 and parent id 'B' name different customer types", error.get("message").asText());
            String c = api.create("{'id':'C'}");
            assertRule(api.patch(OBJECTS + "/" + c, "{'parent':{'key':'" + a + "','id':'B'}}"),
                    "parentReferenceMismatch", "CC-2002", "CC.PARENT_REFERENCE_MISMATCH", "/parent");
            assertEquals(null, parentOf(api, c));
        });
    }

    @Test
    void anUnknownParentIsRefusedOnCreateAndMove() {
        harness.run(api -> {
            JsonNode byKey = assertRule(api.post(OBJECTS, "{'id':'C','parent':{'key':'42'}}"), "parentNotFound",
                    "CC-2001", "CC.PARENT_NOT_FOUND", "/parent");
            assertEquals("Parent customer type with key 42 does not exist in company 0", byKey.get("message").asText());
            JsonNode byId = assertRule(api.post(OBJECTS, "{'id':'C','parent':{'id':'Nobody'}}"), "parentNotFound",
                    "CC-2001", "CC.PARENT_NOT_FOUND", "/parent");
            assertEquals("Parent customer type with id 'Nobody' does not exist in company 0",
                    byId.get("message").asText());
            String c = api.create("{'id':'C'}");
            assertRule(api.patch(OBJECTS + "/" + c, "{'parent':{'key':'42'}}"), "parentNotFound", "CC-2001",
                    "CC.PARENT_NOT_FOUND", "/parent");
        });
    }

    @Test
    void aParentFromAnotherCompanyIsUnknown() {
        harness.registerCompany(5, "Other Company");
        harness.run(api -> {
            String foreign = api.entity("5").create("{'id':'Foreign'}");
            assertRule(api.post(OBJECTS, "{'id':'Mine','parent':{'key':'" + foreign + "'}}"), "parentNotFound",
                    "CC-2001", "CC.PARENT_NOT_FOUND", "/parent");
            assertRule(api.post(OBJECTS, "{'id':'Mine','parent':{'id':'Foreign'}}"), "parentNotFound", "CC-2001",
                    "CC.PARENT_NOT_FOUND", "/parent");
            String mine = api.create("{'id':'Mine'}");
            assertRule(api.patch(OBJECTS + "/" + mine, "{'parent':{'key':'" + foreign + "'}}"), "parentNotFound",
                    "CC-2001", "CC.PARENT_NOT_FOUND", "/parent");
        });
    }

    @Test
    void aDuplicateIdIs409ComparedCaseInsensitivelyAfterNfc() {
        harness.registerCompany(5, "Other Company");
        harness.run(api -> {
            api.create("{'id':'Caf\u00e9'}");
            for (String duplicate : List.of("Caf\u00e9", "CAF\u00c9", "Cafe\u0301", "caf\u00c9")) {
                JsonNode error = assertError(api.post(OBJECTS, "{'id':'" + duplicate + "'}"), 409, "conflict",
                        "CC-1409");
                assertEquals("CC.DUPLICATE_ID", error.get("additionalInfo").get("messageId").asText());
                assertEquals(List.of("/id"), targets(error));
            }
            JsonNode error = assertError(api.post(OBJECTS, "{'id':'CAFE\u0301'}"), 409, "conflict", "CC-1409");
            assertEquals("A customer type with id 'CAF\u00c9' already exists", error.get("message").asText(),
                    "the message quotes the id as sent, in NFC");
            assertEquals(List.of("Caf\u00e9"), column(api.get(OBJECTS), "id"));
            assertEquals(201, api.entity("5").post(OBJECTS, "{'id':'Caf\u00e9'}").status(),
                    "another company may use the same id");
        });
    }

    /** Sends both requests at once and returns the two replies, in the order given. */
    private static List<Reply> concurrently(Supplier<Reply> first, Supplier<Reply> second) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Reply> a = pool.submit(() -> {
                start.await();
                return first.get();
            });
            Future<Reply> b = pool.submit(() -> {
                start.await();
                return second.get();
            });
            start.countDown();
            return List.of(a.get(20, TimeUnit.SECONDS), b.get(20, TimeUnit.SECONDS));
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("concurrent requests failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoConcurrentMovesNeverCloseACycle() {
        harness.run(api -> {
            for (int round = 0; round < 15; round++) {
                String a = api.create("{'id':'A" + round + "'}");
                String b = api.create("{'id':'B" + round + "'}");
                List<Reply> replies = concurrently(
                        () -> api.patch(OBJECTS + "/" + a, "{'parent':{'key':'" + b + "'}}"),
                        () -> api.patch(OBJECTS + "/" + b, "{'parent':{'key':'" + a + "'}}"));
                List<Integer> statuses = replies.stream().map(Reply::status).sorted().toList();
                assertEquals(List.of(200, 422), statuses, "round " + round + ": one move wins, the other is refused");
                Reply refused = replies.get(0).status() == 422 ? replies.get(0) : replies.get(1);
                assertRule(refused, "hierarchyCycle", "CC-2004", "CC.HIERARCHY_CYCLE", "/parent");
                boolean aMoved = a.equals(parentOf(api, b)) != b.equals(parentOf(api, a));
                assertTrue(aMoved, "round " + round + ": exactly one of the two is the other's parent");
            }
        });
    }

    @Test
    void noInterleavingLeavesAnActiveChildUnderAnInactiveParent() {
        harness.run(api -> {
            for (int round = 0; round < 15; round++) {
                String parent = api.create("{'id':'P" + round + "'}");
                String id = "C" + round;
                List<Reply> replies = concurrently(
                        () -> api.patch(OBJECTS + "/" + parent, "{'status':'inactive'}"),
                        () -> api.post(OBJECTS, "{'id':'" + id + "','parent':{'key':'" + parent + "'}}"));
                Reply deactivate = replies.get(0);
                Reply create = replies.get(1);
                if (deactivate.status() == 200) {
                    assertRule(create, "inactiveParentOnCreate", "CC-2006", "CC.INACTIVE_OBJECT_REFERENCED",
                            "/parent");
                } else {
                    assertEquals(201, create.status(), create.body());
                    assertRule(deactivate, "activeChildren", "CC-2008", "CC.ACTIVE_CHILDREN", "/status");
                }
            }
        });
    }
}
