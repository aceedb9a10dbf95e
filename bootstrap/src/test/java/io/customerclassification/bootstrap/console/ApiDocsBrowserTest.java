package io.customerclassification.bootstrap.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.customerclassification.bootstrap.e2e.IdentityServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** {@code GET /docs}: Swagger UI over the server's three OpenAPI documents, "try it" against this server. */
class ApiDocsBrowserTest {

    @RegisterExtension
    static final ConsoleUnderTest CONSOLE = new ConsoleUnderTest();

    private final Browser browser = CONSOLE.browser();

    @Test
    void theDocumentsAreListedAndACallIsTriedWithAPastedToken() {
        browser.visit("/docs");
        browser.until(() -> "Swagger UI to show the first document", d -> browser.text(".swagger-ui .info .title")
                .startsWith("Customer classification — customer profiles (Simpro dialect)"));
        assertEquals(List.of("Customer profiles (Simpro dialect)", "Customer types (Sage Intacct dialect)",
                "Tokens and administration"), new Select(browser.find(".topbar select")).getOptions().stream()
                .map(WebElement::getText).toList());

        WebElement companies = browser.find(".opblock-get:has([data-path='/api/v1.0/companies/'])");
        companies.findElement(By.cssSelector(".opblock-summary-control")).click();
        WebElement execute = browser.until(() -> "the Execute button", d -> companies.findElement(
                By.cssSelector(".execute")));
        execute.click();
        browser.until(() -> "401 without a token", d -> "401".equals(status(companies)));

        browser.find(".auth-wrapper .authorize").click();
        browser.find(".modal-ux input").sendKeys(IdentityServer.token(CONSOLE.server().http(), IdentityServer.ADMIN,
                IdentityServer.ADMIN_SECRET));
        browser.find(".modal-ux .auth-btn-wrapper .authorize").click();
        browser.find(".modal-ux .btn-done").click();
        companies.findElement(By.cssSelector(".execute")).click();
        browser.until(() -> "200 with the pasted token", d -> "200".equals(status(companies)));
        browser.until(() -> "the companies in the answer, not: " + companies.getText(),
                d -> companies.getText().contains("\"Name\": \"Default Company\""));
        browser.screenshot("docs-try-it");
    }

    private static String status(WebElement operation) {
        List<WebElement> cells = operation.findElements(
                By.cssSelector(".live-responses-table .response .response-col_status"));
        return cells.isEmpty() ? null : cells.get(0).getText().strip();
    }
}
