package io.customerclassification.bootstrap.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.bootstrap.e2e.Http.Reply;
import io.customerclassification.bootstrap.e2e.IdentityServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser: sign-in, the company picker and the customer profiles table, against the real
 * server with credentials required. Each test works in a company of its own.
 */
class ConsoleProfilesBrowserTest {

    @RegisterExtension
    static final ConsoleUnderTest CONSOLE = new ConsoleUnderTest("--company", "1=Acme Ltd", "--company", "2=Beta GmbH",
            "--company", "3=Paging Co", "--company", "4=Editing Co", "--company", "5=Narrow Co", "--company", "6=Search Co");

    private final IdentityServer server = CONSOLE.server();
    private final Browser browser = CONSOLE.browser();

    @Test
    void aWrongSecretIsRefusedWithAMessageAndNoSecretInTheUrl() {
        browser.visit("/");
        browser.type("#client-id", IdentityServer.ADMIN);
        browser.type("#client-secret", "not-the-secret");
        browser.find("#sign-in button[type=submit]").click();

        browser.untilText("#sign-in-error", "The client ID or secret is wrong.");
        assertFalse(browser.find("#work-view").isDisplayed(), "nothing but the sign-in form shows");
        assertEquals("", browser.find("#client-secret").getAttribute("value"), "the refused secret is cleared");
        String url = browser.driver().getCurrentUrl();
        assertFalse(url.contains("not-the-secret") || url.contains("?"), "the URL stays clean: " + url);
        browser.screenshot("sign-in-refused");
    }

    @Test
    void theCompanyPickerShowsTheCompaniesOfTheClientAndSwitchesTheTable() {
        createProfile(1, "Only in Acme");
        createProfile(2, "Only in Beta");
        String secret = server.createClient("acme-and-beta", "[{\"company\":1,\"resource\":\"customer-profile\","
                + "\"permissions\":[\"list\",\"view\"]},{\"company\":2,\"resource\":\"customer-profile\","
                + "\"permissions\":[\"list\"]}]");
        browser.signIn("acme-and-beta", secret);

        Select company = new Select(browser.find("#company"));
        assertEquals(List.of("Acme Ltd (1)", "Beta GmbH (2)"),
                company.getOptions().stream().map(WebElement::getText).toList(), "only the companies it holds grants on");
        browser.untilText("#profiles tbody tr:first-child .name", "Only in Acme");

        company.selectByValue("2");
        browser.untilText("#profiles tbody tr:first-child .name", "Only in Beta");
        assertEquals(1, browser.all("#profiles tbody tr").size());
        assertEquals("acme-and-beta", browser.find("#who").getText());
        browser.screenshot("profiles-company-switch");

        browser.find("#sign-out").click();
        browser.untilText("#notice", "Signed out.");
        assertTrue(browser.find("#sign-in").isDisplayed());
        assertFalse(browser.find("#work-view").isDisplayed());
    }

    @Test
    void profilesAreFilteredSortedAndPagedByTheServer() {
        for (int n = 1; n <= 45; n++) {
            String name = String.format("Tier %02d", n);
            int id = createProfile(3, name);
            if (n % 9 == 0) {
                assertEquals(204, server.http().send("PATCH", profiles(3) + id, "{\"Archived\":true}",
                        server.asAdmin()).status());
            }
        }
        signInAsAdmin(3);

        browser.untilText("#profiles-page", "Page 1 of 2 · 40 profiles");
        assertEquals(30, browser.all("#profiles tbody tr").size(), "30 rows a page by default");
        browser.find("#profiles-next").click();
        browser.untilText("#profiles-page", "Page 2 of 2 · 40 profiles");
        assertEquals(10, browser.all("#profiles tbody tr").size());
        assertFalse(browser.find("#profiles-next").isEnabled(), "no page after the last");

        new Select(browser.find("#profile-page-size")).selectByVisibleText("10");
        browser.untilText("#profiles-page", "Page 1 of 4 · 40 profiles");

        browser.find("th button[data-sort=Name]").click();
        browser.until(() -> "the Name column sorted ascending", d ->
                "ascending".equals(browser.find("th:nth-child(2)").getAttribute("aria-sort")));
        browser.find("th button[data-sort=Name]").click();
        browser.untilText("#profiles tbody tr:first-child .name", "Tier 44");
        assertEquals("descending", browser.find("th:nth-child(2)").getAttribute("aria-sort"));

        browser.type("#profile-search", "tier 1");
        browser.untilText("#profiles-page", "Page 1 of 1 · 9 profiles"); // Tier 10 to 19 but the archived 18
        assertEquals("Tier 19", browser.text("#profiles tbody tr:first-child .name"));

        new Select(browser.find("#profile-archived")).selectByValue("true");
        browser.untilText("#profiles-page", "Page 1 of 1 · 1 profile");
        assertEquals("Tier 18", browser.text("#profiles tbody tr:first-child .name"));

        browser.type("#profile-search", "100%");
        browser.untilText("#profiles-page", "No profile matches.");
        new Select(browser.find("#profile-archived")).selectByValue("");
        browser.type("#profile-search", "");
        browser.untilText("#profiles-page", "Page 1 of 5 · 45 profiles");
        browser.screenshot("profiles-paged");
    }

    @Test
    void theSearchTakesPercentSignsAndBackslashesLiterally() {
        for (String name : List.of("50% off", "500 off", "C:\\Share", "C:Share")) {
            createProfile(6, name);
        }
        signInAsAdmin(6);
        browser.untilText("#profiles-page", "Page 1 of 1 · 4 profiles");

        browser.type("#profile-search", "50%");
        browser.untilText("#profiles-page", "Page 1 of 1 · 1 profile");
        assertEquals("50% off", browser.text("#profiles tbody tr:first-child .name"));
        browser.type("#profile-search", ":\\");
        browser.untilText("#profiles tbody tr:first-child .name", "C:\\Share");
        assertEquals(1, browser.all("#profiles tbody tr").size());
    }

    @Test
    void aProfileIsCreatedRenamedArchivedAndDeletedWithEveryRefusalBesideIt() {
        signInAsAdmin(4);
        browser.untilText("#profiles-page", "No profile matches.");

        browser.type("#profile-new-name", "Gold");
        browser.find("#profile-create button").click();
        browser.untilText("#profiles tbody tr:first-child .name", "Gold");
        browser.untilText("#notice", "Created Gold (ID " + profile(4, "Gold").get("ID") + ").");
        browser.type("#profile-new-name", "gold");
        browser.find("#profile-create button").click();
        browser.untilText("#profile-create-error", "Name already exists.");
        browser.type("#profile-new-name", "Silver");
        browser.find("#profile-create button").click();
        browser.untilText("#profiles-page", "Page 1 of 1 · 2 profiles");
        assertEquals("", browser.text("#profile-create-error"), "the refusal goes once a create succeeds");

        row("Gold").findElement(By.cssSelector("button[aria-label='Rename Gold']")).click();
        browser.type("#profiles tbody input", "SILVER");
        browser.find("#profiles tbody form button").click();
        browser.until(() -> "the duplicate rename refused beside the row", d ->
                "Name already exists.".equals(rowError("Gold")));
        browser.type("#profiles tbody input", "Platinum");
        browser.find("#profiles tbody form button").click();
        browser.untilText("#profiles tbody tr:first-child .name", "Platinum");
        assertEquals("Platinum", profile(4, "Platinum").get("Name"));

        row("Platinum").findElement(By.cssSelector("button[aria-label='Archive Platinum']"))
                .click();
        browser.untilText("#profiles-page", "Page 1 of 1 · 1 profile");
        new Select(browser.find("#profile-archived")).selectByValue("true");
        browser.untilText("#profiles tbody tr:first-child .name", "Platinum");
        assertEquals(true, profile(4, "Platinum").get("Archived"));
        row("Platinum").findElement(By.cssSelector("button[aria-label='Unarchive Platinum']"))
                .click();
        browser.untilText("#profiles-page", "No profile matches.");
        assertEquals(false, profile(4, "Platinum").get("Archived"));

        new Select(browser.find("#profile-archived")).selectByValue("");
        browser.untilText("#profiles-page", "Page 1 of 1 · 2 profiles");
        row("Platinum").findElement(By.cssSelector("button[aria-label='Delete Platinum']"))
                .click();
        browser.screenshot("profiles-delete-confirmation");
        row("Platinum").findElement(By.cssSelector("button[aria-label='Keep Platinum']")).click();
        assertTrue(profile(4, "Platinum") != null, "keeping it deletes nothing");
        row("Platinum").findElement(By.cssSelector("button[aria-label='Delete Platinum']"))
                .click();
        row("Platinum").findElement(By.cssSelector("button[aria-label='Yes, delete Platinum']"))
                .click();
        browser.untilText("#profiles-page", "Page 1 of 1 · 1 profile");
        assertEquals(null, profile(4, "Platinum"), "deleted on the server");
        browser.screenshot("profiles-edited");
    }

    @Test
    void aNarrowWindowShowsEverythingWithoutSidewaysScrolling() {
        createProfile(5, "A rather long profile name that must wrap rather than widen the page");
        browser.driver().manage().window().setSize(new Dimension(360, 800));
        try {
            signInAsAdmin(5);
            browser.untilText("#profiles tbody tr:first-child .name",
                    "A rather long profile name that must wrap rather than widen the page");
            assertEquals(Boolean.TRUE, browser.script(
                    "return document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");
            for (String css : List.of("#company", "#profile-search", "#profile-new-name", "#profiles-next",
                    "#profiles tbody tr:first-child button")) {
                assertTrue(browser.find(css).isDisplayed(), css + " is on the page");
            }
            browser.screenshot("profiles-narrow");

            Reply type = server.http().post("/objects/accounts-receivable/customer-type",
                    "{\"id\":\"A type whose name is long enough to need more than one line here\"}",
                    Map.of("Authorization", server.asAdmin().get("Authorization"), "X-IA-API-Param-Entity", "5"));
            assertEquals(201, type.status(), type::toString);
            browser.find("#tab-types").click();
            browser.untilText("#types-tree [role=treeitem] .name",
                    "A type whose name is long enough to need more than one line here");
            browser.find("#types-tree [role=treeitem] .name").click();
            browser.until(() -> "the selected type's actions", d -> browser.find("#type-actions").isDisplayed());
            assertEquals(Boolean.TRUE, browser.script(
                    "return document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");
            browser.screenshot("types-narrow");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private void signInAsAdmin(int company) {
        browser.signIn(IdentityServer.ADMIN, IdentityServer.ADMIN_SECRET);
        new Select(browser.find("#company")).selectByValue(String.valueOf(company));
    }

    private WebElement row(String name) {
        return browser.until(() -> "a row named " + name, d -> browser.all("#profiles tbody tr").stream()
                .filter(tr -> tr.getText().contains(name)).findFirst().orElse(null));
    }

    private String rowError(String name) {
        return row(name).findElement(By.cssSelector(".error")).getText();
    }

    private String profiles(int company) {
        return "/api/v1.0/companies/" + company + "/setup/customerProfiles/";
    }

    private int createProfile(int company, String name) {
        Reply created = server.http().post(profiles(company), "{\"Name\":\"" + name.replace("\\", "\\\\") + "\"}",
                server.asAdmin());
        assertEquals(201, created.status(), created::toString);
        return created.json().get("ID").asInt();
    }

    /** The profile as the server holds it, or null. */
    private Map<String, Object> profile(int company, String name) {
        Reply found = server.http().get(profiles(company) + "?columns=ID,Name,Archived&Name="
                + name.replace(" ", "%20"), server.asAdmin());
        assertEquals(200, found.status(), found::toString);
        return found.json().isEmpty() ? null : Map.of("ID", found.json().get(0).get("ID").asInt(),
                "Name", found.json().get(0).get("Name").asText(),
                "Archived", found.json().get(0).get("Archived").asBoolean());
    }
}
