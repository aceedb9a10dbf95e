package io.customerclassification.bootstrap.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.bootstrap.e2e.Http.Reply;
import io.customerclassification.bootstrap.e2e.IdentityServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The customer types tree in a real browser: levels read on demand and in pages, create under, move, the hierarchy
 * rules' refusals shown at the node they concern, and the WAI-ARIA tree's keyboard interaction. Each test works in
 * a company of its own.
 */
class ConsoleTypesBrowserTest {

    private static final String TYPES = "/objects/accounts-receivable/customer-type";

    @RegisterExtension
    static final ConsoleUnderTest CONSOLE = new ConsoleUnderTest("--company", "1=Levels", "--company", "2=Keys",
            "--company", "3=Moves", "--company", "4=Rules", "--company", "5=Readers");

    private final IdentityServer server = CONSOLE.server();
    private final Browser browser = CONSOLE.browser();

    @Test
    void levelsOpenOnDemandAndALargeLevelInPages() {
        String retail = create(1, "Retail", null);
        String online = create(1, "Online", retail);
        create(1, "Marketplace", online);
        Reply wholesale = server.http().post(TYPES, "{\"id\":\"Wholesale\",\"status\":\"inactive\"}", entity(1));
        assertEquals(201, wholesale.status(), wholesale::toString);
        String many = create(1, "Many", null);
        for (int n = 1; n <= 55; n++) {
            create(1, String.format("Branch %02d", n), many);
        }
        openTypes(1);

        browser.until(() -> "the three roots, by name", d -> names("#types-tree > [role=treeitem]")
                .equals(List.of("Many", "Retail", "Wholesale")));
        assertEquals(3, browser.all("#types-tree [role=treeitem]").size(), "nothing below the roots is read yet");
        WebElement inactive = node(wholesale.json().get("ia::result").get("key").asText());
        assertEquals("Wholesale (inactive)", inactive.getText(), "an inactive type says so in words");
        assertTrue(inactive.getAttribute("class").contains("inactive"), "and looks different");

        select(retail, "Retail");
        browser.until(() -> "Online under Retail", d -> children(retail).equals(List.of("Online")));
        assertEquals("true", node(retail).getAttribute("aria-expanded"));
        select(online, "Online");
        browser.until(() -> "Marketplace under Online", d -> children(online).equals(List.of("Marketplace")));

        select(many, "Many");
        browser.until(() -> "the first page of Many's children", d -> children(many).size() == 50);
        WebElement more = node(many).findElement(By.cssSelector(".more"));
        WebElement fiftieth = node(many).findElements(By.cssSelector("[role=treeitem]")).get(49);
        assertEquals(List.of("50", "55"), List.of(fiftieth.getAttribute("aria-posinset"),
                fiftieth.getAttribute("aria-setsize")), "the level's size, not the page's");
        assertEquals("Show 5 more (5 not shown)", more.getText());
        assertEquals("treeitem", more.getAttribute("role"), "the keyboard reaches it like any other row");
        browser.script("arguments[0].scrollIntoView()", more);
        browser.screenshot("types-paged-level");
        more.click();
        browser.until(() -> "all 55 children of Many", d -> children(many).size() == 55);
        assertTrue(node(many).findElements(By.cssSelector(".more")).isEmpty(), "nothing more to show");
        assertEquals("Branch 55", children(many).get(54));
        WebElement last = node(many).findElements(By.cssSelector("[role=treeitem]")).get(54);
        assertEquals(List.of("55", "55"), List.of(last.getAttribute("aria-posinset"), last.getAttribute("aria-setsize")),
                "its place in the whole level");

        node(many).findElement(By.cssSelector(".toggle")).click();
        browser.until(() -> "Many closed by its toggle", d -> "false".equals(node(many).getAttribute("aria-expanded")));
        String marketplace = node(online).findElement(By.cssSelector("[role=treeitem]")).getAttribute("data-key");
        select(marketplace, "Marketplace");
        browser.until(() -> "Marketplace found to be a leaf", d -> node(marketplace).getAttribute("aria-expanded") == null);
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("types-tree");
    }

    @Test
    void theTreeIsUsableWithTheKeyboardAlone() {
        String alpha = create(2, "Alpha", null);
        String first = create(2, "Alpha one", alpha);
        String second = create(2, "Alpha two", alpha);
        String beta = create(2, "Beta", null);
        browser.signIn(IdentityServer.ADMIN, IdentityServer.ADMIN_SECRET);
        new Select(browser.find("#company")).selectByValue("2");
        browser.script("document.getElementById('tab-profiles').focus()");

        keys(Keys.ARROW_RIGHT);
        browser.until(() -> "the types tab shown", d -> browser.find("#types-view").isDisplayed());
        browser.until(() -> "the roots", d -> names("#types-tree > [role=treeitem]").equals(List.of("Alpha", "Beta")));
        keys(Keys.TAB, Keys.TAB, Keys.TAB);
        assertFocus(alpha, "Tab enters the tree at its first item");
        assertEquals(List.of("0", "-1"), browser.all("#types-tree > [role=treeitem]").stream()
                .map(item -> item.getAttribute("tabindex")).toList(), "one tab stop in the tree");

        keys(Keys.ARROW_DOWN);
        assertFocus(beta, "Down");
        keys(Keys.ARROW_UP);
        assertFocus(alpha, "Up");
        keys(Keys.ARROW_RIGHT);
        browser.until(() -> "Alpha opened by Right", d -> children(alpha).equals(List.of("Alpha one", "Alpha two")));
        assertEquals("true", node(alpha).getAttribute("aria-expanded"));
        keys(Keys.ARROW_RIGHT);
        assertFocus(first, "Right on an open item goes to its first child");
        keys(Keys.ARROW_DOWN);
        assertFocus(second, "Down");
        keys(Keys.END);
        assertFocus(beta, "End");
        keys(Keys.HOME);
        assertFocus(alpha, "Home");
        keys(Keys.ARROW_DOWN, Keys.ARROW_RIGHT);
        browser.until(() -> "Alpha one found to be a leaf",
                d -> node(first).getAttribute("aria-expanded") == null);
        keys(Keys.ARROW_LEFT);
        assertFocus(alpha, "Left on a closed item goes to its parent");
        keys(Keys.ARROW_LEFT);
        assertEquals("false", node(alpha).getAttribute("aria-expanded"), "Left on an open item closes it");
        keys(Keys.ARROW_DOWN);
        assertFocus(beta, "Down skips the children of a closed item");

        keys(Keys.ENTER);
        assertEquals("true", node(beta).getAttribute("aria-selected"));
        browser.untilText("#type-selected-name", "Beta");
        keys(Keys.ARROW_UP, Keys.SPACE);
        browser.untilText("#type-selected-name", "Alpha");
        assertEquals("false", node(beta).getAttribute("aria-selected"), "one selected item");
        assertEquals(List.of("0", "-1"), browser.all("#types-tree > [role=treeitem]").stream()
                .map(item -> item.getAttribute("tabindex")).toList(), "the tab stop follows the focus");
        browser.screenshot("types-keyboard");
    }

    @Test
    void aTypeIsCreatedUnderAnotherAndMovedWithThePicker() {
        String retail = create(3, "Retail", null);
        String online = create(3, "Online", retail);
        String wholesale = create(3, "Wholesale", null);
        openTypes(3);
        browser.until(() -> "the roots", d -> names("#types-tree > [role=treeitem]").size() == 2);

        select(retail, "Retail");
        browser.until(() -> "Online under Retail", d -> children(retail).equals(List.of("Online")));
        select(online, "Online");
        browser.type("#type-child-name", "Mobile app");
        browser.find("#type-create-child button").click();
        browser.until(() -> "Mobile app under Online", d -> children(online).equals(List.of("Mobile app")));
        String mobile = keyOf(3, "Mobile app");
        assertEquals(online, parentOf(3, mobile));

        select(mobile, "Mobile app");
        browser.type("#type-move-search", "Wholesale");
        browser.find("#type-move button[type=submit]").click();
        browser.until(() -> "Mobile app under Wholesale", d -> children(wholesale).equals(List.of("Mobile app")));
        assertEquals(wholesale, parentOf(3, mobile));
        assertTrue(children(online).isEmpty(), "gone from under Online");
        assertEquals("Mobile app is now under Wholesale.", browser.text("#notice"));

        select(mobile, "Mobile app");
        browser.find("#type-move-root").click();
        browser.until(() -> "Mobile app a root", d -> names("#types-tree > [role=treeitem]")
                .equals(List.of("Mobile app", "Retail", "Wholesale")));
        assertNull(parentOf(3, mobile));

        select(retail, "Retail");
        browser.type("#type-move-search", "Online");
        browser.find("#type-move button[type=submit]").click();
        String refusal = untilRefusedAt(retail);
        Reply api = patch(3, retail, "{\"parent\":{\"id\":\"Online\"}}");
        assertEquals(422, api.status());
        assertTrue(refusal.startsWith(intacctMessage(api)), "the server's words at the node: " + refusal);
        assertNull(parentOf(3, retail), "the refused move changed nothing");
        browser.screenshot("types-move-refused");
    }

    @Test
    void theHierarchyRulesRefusalsShowAtTheNode() {
        String retail = create(4, "Retail", null);
        String online = create(4, "Online", retail);
        openTypes(4);
        browser.until(() -> "the root", d -> names("#types-tree > [role=treeitem]").equals(List.of("Retail")));
        select(retail, "Retail");
        browser.until(() -> "Online under Retail", d -> children(retail).equals(List.of("Online")));
        browser.untilText("#type-selected-name", "Retail");

        browser.find("#type-toggle-status").click();
        String deactivation = untilRefusedAt(retail);
        Reply api = patch(4, retail, "{\"status\":\"inactive\"}");
        assertEquals(422, api.status());
        assertTrue(deactivation.startsWith(intacctMessage(api)), "the server's words at the node: " + deactivation);
        assertTrue(deactivation.contains("active children"), deactivation);
        assertEquals("active", statusOf(4, retail), "the refused change changed nothing");
        assertFalse(node(retail).getAttribute("class").contains("inactive"));
        browser.screenshot("types-deactivation-refused");

        browser.find("#type-delete").click();
        browser.find("#type-delete-yes").click();
        browser.until(() -> "a new refusal at Retail", d -> !nodeError(retail).equals(deactivation)
                && !nodeError(retail).isEmpty());
        String deletion = nodeError(retail);
        Reply refusedDelete = server.http().delete(TYPES + "/" + retail, entity(4));
        assertEquals(422, refusedDelete.status());
        assertTrue(deletion.startsWith(intacctMessage(refusedDelete)), "the server's words at the node: " + deletion);
        assertEquals("Retail", nameOf(4, retail), "the refused delete deleted nothing");
        browser.screenshot("types-delete-refused");

        select(online, "Online");
        browser.find("#type-toggle-status").click();
        browser.until(() -> "Online shown inactive", d -> node(online).getText().contains("Online (inactive)"));
        assertTrue(node(online).getAttribute("class").contains("inactive"));
        assertEquals("inactive", statusOf(4, online));
        assertEquals("Activate", browser.text("#type-toggle-status"));

        select(retail, "Retail");
        browser.find("#type-toggle-status").click();
        browser.until(() -> "Retail shown inactive", d -> node(retail).getAttribute("class").contains("inactive"));
        assertEquals("", nodeError(retail), "the old refusal goes when a change succeeds");
        browser.type("#type-child-name", "Shop");
        browser.find("#type-create-child button").click();
        String creation = untilRefusedAt(retail);
        Reply refusedCreate = server.http().post(TYPES, "{\"id\":\"Shop\",\"parent\":{\"key\":\"" + retail + "\"}}",
                entity(4));
        assertEquals(422, refusedCreate.status());
        assertTrue(creation.startsWith(intacctMessage(refusedCreate)), "the server's words at the node: " + creation);
        assertEquals(List.of("Online"), children(retail), "nothing was created");
        select(online, "Online");
        browser.find("#type-toggle-status").click();
        String activation = untilRefusedAt(online);
        assertTrue(activation.startsWith(intacctMessage(patch(4, online, "{\"status\":\"active\"}"))), activation);

        browser.find("#type-delete").click();
        browser.find("#type-delete-yes").click();
        browser.until(() -> "Online deleted", d -> children(retail).isEmpty());
        assertEquals(404, server.http().get(TYPES + "/" + online, entity(4)).status());
        assertEquals("Online was deleted.", browser.text("#notice"));
    }

    @Test
    void aClientIsToldInTheServersWordsWhatItsGrantsDoNotAllow() {
        create(5, "Visible", null);
        String secret = server.createClient("type-reader", "[{\"company\":5,\"resource\":\"customer-type\","
                + "\"permissions\":[\"list\",\"view\"]}]");
        browser.signIn("type-reader", secret);
        assertEquals(List.of("Readers (5)"), new Select(browser.find("#company")).getOptions().stream()
                .map(WebElement::getText).toList());
        browser.untilText("#profiles-error",
                "The client has no permission 'list' on customer-profile of company 5");

        browser.find("#tab-types").click();
        browser.until(() -> "the type it may list", d -> names("#types-tree > [role=treeitem]")
                .equals(List.of("Visible")));
        browser.type("#type-new-name", "Not allowed");
        browser.find("#type-create button").click();
        browser.untilText("#type-create-error", "The client has no permission 'add' on customer-type of company 5");
        assertEquals(List.of("Visible"), names("#types-tree > [role=treeitem]"), "nothing was created");
        browser.screenshot("types-read-only-client");
    }

    private void openTypes(int company) {
        browser.signIn(IdentityServer.ADMIN, IdentityServer.ADMIN_SECRET);
        new Select(browser.find("#company")).selectByValue(String.valueOf(company));
        browser.find("#tab-types").click();
    }

    /** Clicks a type's name, which selects it and opens it. */
    private void select(String key, String name) {
        node(key).findElement(By.cssSelector(".node .name")).click();
        browser.untilText("#type-selected-name", name);
    }

    private void keys(CharSequence... keys) {
        for (CharSequence key : keys) {
            new Actions(browser.driver()).sendKeys(key).perform();
        }
    }

    private void assertFocus(String key, String after) {
        browser.until(() -> after + ": focus on type " + key + ", not " + browser.focused(),
                d -> ("key:" + key).equals(browser.focused()));
    }

    private WebElement node(String key) {
        return browser.find("[role=treeitem][data-key='" + key + "']");
    }

    private String nodeError(String key) {
        return node(key).findElement(By.cssSelector(":scope > .node-error")).getText();
    }

    private String untilRefusedAt(String key) {
        return browser.until(() -> "a refusal shown at type " + key, d -> {
            String text = nodeError(key);
            return text.isEmpty() ? null : text;
        });
    }

    private List<String> names(String css) {
        return browser.all(css).stream().map(item -> item.findElement(By.cssSelector(":scope > .node .name")).getText())
                .toList();
    }

    private List<String> children(String key) {
        return names("[data-key='" + key + "'] > [role=group] > [role=treeitem]:not(.more)");
    }

    private Map<String, String> entity(int company) {
        Map<String, String> headers = new HashMap<>(server.asAdmin());
        headers.put("X-IA-API-Param-Entity", String.valueOf(company));
        return headers;
    }

    private String create(int company, String name, String parentKey) {
        String parent = parentKey == null ? "" : ",\"parent\":{\"key\":\"" + parentKey + "\"}";
        Reply created = server.http().post(TYPES, "{\"id\":\"" + name + "\"" + parent + "}", entity(company));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("ia::result").get("key").asText();
    }

    private Reply patch(int company, String key, String json) {
        return server.http().send("PATCH", TYPES + "/" + key, json, entity(company));
    }

    private String intacctMessage(Reply refusal) {
        return refusal.json().get("ia::result").get("ia::error").get("message").asText();
    }

    private Reply item(int company, String key) {
        Reply item = server.http().get(TYPES + "/" + key, entity(company));
        assertEquals(200, item.status(), item::toString);
        return item;
    }

    private String parentOf(int company, String key) {
        var parent = item(company, key).json().get("ia::result").get("parent").get("key");
        return parent.isNull() ? null : parent.asText();
    }

    private String statusOf(int company, String key) {
        return item(company, key).json().get("ia::result").get("status").asText();
    }

    private String nameOf(int company, String key) {
        return item(company, key).json().get("ia::result").get("id").asText();
    }

    private String keyOf(int company, String name) {
        Reply found = server.http().post("/services/core/query", "{\"object\":\"accounts-receivable/customer-type\","
                + "\"filters\":[{\"$eq\":{\"id\":\"" + name + "\"}}]}", entity(company));
        assertEquals(200, found.status(), found::toString);
        return found.json().get("ia::result").get(0).get("key").asText();
    }
}
