package io.customerclassification.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the product against the architecture rules, and checks that each rule does fail on a fixture class
 * that breaks it, so that none of them passes vacuously.
 */
class ArchitectureTest {

    private static final String PRODUCT = "io.customerclassification";
    private static final String FIXTURES = "io.customerclassification.archfixture";

    /** The application's test-jar (in-memory ports) arrives as a jar that DoNotIncludeTests does not recognise. */
    private static final ImportOption NO_TEST_JARS = location -> !location.contains("-tests.jar");

    private static final JavaClasses PRODUCT_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(NO_TEST_JARS)
            .importPackages(PRODUCT);

    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    private static final ArchitectureRules PRODUCT_RULES = new ArchitectureRules(PRODUCT);
    private static final ArchitectureRules FIXTURE_RULES = new ArchitectureRules(FIXTURES);

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("layers", ArchitectureRules::layers, "DomainCallingApplication", "Stray",
                        "ControllerSigningTokens"),
                rule("domain allow-list", ArchitectureRules::domainDependsOnlyOnTheJdkCore, "DomainUsingJdbc"),
                rule("application allow-list", ArchitectureRules::applicationDependsOnlyOnDomainAndValidation,
                        "ApplicationUsingJackson"),
                rule("SQL confined", ArchitectureRules::persistenceLibrariesOnlyInTheJdbiAdapter, "DomainUsingJdbc"),
                rule("web confined", ArchitectureRules::webLibrariesOnlyInTheHttpAdapter, "ApplicationUsingJackson"),
                rule("crypto confined", ArchitectureRules::cryptoLibrariesOnlyInTheSecurityAdapter,
                        "ControllerSigningTokens"),
                rule("connections only in the session", ArchitectureRules::onlyTheSessionTakesConnections,
                        "StoreCommittingItself", "StoreTakingConnections", "StoreOpeningHandles"),
                rule("database libraries in their database package",
                        ArchitectureRules::databaseLibrariesOnlyInTheirDatabasePackage, "PagesReadingSqliteCodes",
                        "PagesReadingPostgresCodes"),
                rule("each driver in its own database package", ArchitectureRules::eachDriverOnlyInItsDatabasePackage,
                        "SqlitePartReadingPostgresCodes", "PagesReadingPostgresCodes"),
                rule("no services in adapters", ArchitectureRules::adaptersNeverUseServices, "ThingController"),
                rule("console serves files only", ArchitectureRules::consoleServesFilesOnly,
                        "ConsoleReadingTypes"),
                rule("in-ports named UseCase", ArchitectureRules::inPortsAreUseCases, "CreateThing"),
                rule("services named Service", ArchitectureRules::servicesAreNamedService, "ThingManager"));
    }

    private static Arguments rule(String name, Function<ArchitectureRules, ArchRule> rule, String... breakers) {
        return Arguments.of(name, rule, List.of(breakers));
    }

    @ParameterizedTest(name = "{0}: the product complies")
    @MethodSource("rules")
    void productComplies(String name, Function<ArchitectureRules, ArchRule> rule, List<String> breakers) {
        rule.apply(PRODUCT_RULES).check(PRODUCT_CLASSES);
    }

    @ParameterizedTest(name = "{0}: a deliberate violation is caught")
    @MethodSource("rules")
    void ruleCatchesItsViolation(String name, Function<ArchitectureRules, ArchRule> rule, List<String> breakers) {
        EvaluationResult result = rule.apply(FIXTURE_RULES).evaluate(FIXTURE_CLASSES);
        assertTrue(result.hasViolation(), name + " found no violation in the fixtures");
        String report = result.getFailureReport().toString();
        for (String breaker : breakers) {
            assertTrue(report.contains(breaker), name + " did not name " + breaker + ":\n" + report);
        }
    }

    @Test
    void theSessionAndADatabasesOwnPartsMayTakeConnectionsAndUseTheirLibraries() {
        for (Function<ArchitectureRules, ArchRule> rule : List.<Function<ArchitectureRules, ArchRule>>of(
                ArchitectureRules::onlyTheSessionTakesConnections,
                ArchitectureRules::databaseLibrariesOnlyInTheirDatabasePackage,
                ArchitectureRules::eachDriverOnlyInItsDatabasePackage)) {
            String report = rule.apply(FIXTURE_RULES).evaluate(FIXTURE_CLASSES).getFailureReport().toString();
            for (String complier : List.of("SessionTakingConnections", "SqlitePartReadingCodes",
                    "PostgresPartReadingCodes")) {
                assertFalse(report.contains(complier), complier + " is allowed what it does:\n" + report);
            }
        }
    }

    @Test
    void everyLayerOfTheProductIsImported() {
        for (String layer : List.of("domain", "application", "adapter.jdbi", "adapter.http", "adapter.security",
                "bootstrap")) {
            String pkg = PRODUCT + "." + layer;
            assertTrue(PRODUCT_CLASSES.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)),
                    "no production class imported from " + pkg);
        }
        assertFalse(PRODUCT_CLASSES.stream().anyMatch(c -> c.getPackageName().startsWith(FIXTURES)),
                "fixtures leaked into the production import");
        assertFalse(PRODUCT_CLASSES.stream().anyMatch(c -> c.getSimpleName().startsWith("InMemory")),
                "test-jar classes leaked into the production import");
    }
}
