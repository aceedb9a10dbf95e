package io.customerclassification.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of STYLE.md, defined once and checked both against the product and against fixture
 * classes that break them on purpose, so that no rule can pass vacuously. Package patterns are relative to a
 * root package, so the fixtures can mirror the product's layout under another root.
 */
final class ArchitectureRules {

    private static final String[] JDK_CORE = {"java.lang..", "java.util..", "java.time..", "java.math.."};

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    private String pkg(String relative) {
        return root + "." + relative + "..";
    }

    ArchRule layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("Domain").definedBy(pkg("domain"))
                .layer("Application").definedBy(pkg("application"))
                .layer("JdbiAdapter").definedBy(pkg("adapter.jdbi"))
                .layer("HttpAdapter").definedBy(pkg("adapter.http"))
                .layer("SecurityAdapter").definedBy(pkg("adapter.security"))
                .layer("Bootstrap").definedBy(pkg("bootstrap"))
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("JdbiAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("HttpAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("SecurityAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application").mayOnlyBeAccessedByLayers(
                        "JdbiAdapter", "HttpAdapter", "SecurityAdapter", "Bootstrap")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers(
                        "Application", "JdbiAdapter", "HttpAdapter", "SecurityAdapter", "Bootstrap");
    }

    /** Plain Java only; {@code java.text.Normalizer} is allowed as the JDK's one NFC implementation. */
    ArchRule domainDependsOnlyOnTheJdkCore() {
        DescribedPredicate<JavaClass> allowed = resideInAnyPackage(pkg("domain"))
                .or(resideInAnyPackage(JDK_CORE))
                .or(describe("java.text.Normalizer", c -> c.getName().startsWith("java.text.Normalizer")));
        return classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat(allowed)
                .because("the domain knows nothing of frameworks, HTTP or SQL");
    }

    ArchRule applicationDependsOnlyOnDomainAndValidation() {
        DescribedPredicate<JavaClass> allowed = resideInAnyPackage(pkg("domain"), pkg("application"))
                .or(resideInAnyPackage(JDK_CORE))
                .or(resideInAnyPackage("jakarta.validation.."));
        return classes().that().resideInAPackage(pkg("application"))
                .should().onlyDependOnClassesThat(allowed)
                .because("use cases and ports are framework-free but for Jakarta Validation");
    }

    ArchRule persistenceLibrariesOnlyInTheJdbiAdapter() {
        return noClasses().that().resideOutsideOfPackages(pkg("adapter.jdbi"), pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.jdbi..", "org.sqlite..", "org.flywaydb..", "com.zaxxer..", "java.sql..", "javax.sql..")
                .because("SQL belongs to the JDBI adapter");
    }

    ArchRule webLibrariesOnlyInTheHttpAdapter() {
        return noClasses().that().resideOutsideOfPackages(pkg("adapter.http"), pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "com.fasterxml.jackson..")
                .because("HTTP and JSON belong to the HTTP adapter");
    }

    ArchRule cryptoLibrariesOnlyInTheSecurityAdapter() {
        return noClasses().that().resideOutsideOfPackages(pkg("adapter.security"))
                .should().dependOnClassesThat().resideInAnyPackage("com.nimbusds..", "org.bouncycastle..")
                .because("JOSE, JWT and the hashing of secrets belong to the security adapter");
    }

    ArchRule adaptersNeverUseServices() {
        return noClasses().that().resideInAnyPackage(pkg("adapter"))
                .should().dependOnClassesThat().resideInAPackage(pkg("application.service"))
                .because("adapters drive the application through its in-ports only");
    }

    ArchRule inPortsAreUseCases() {
        return classes().that().resideInAPackage(pkg("application.port.in")).and().areInterfaces()
                .should().haveSimpleNameEndingWith("UseCase");
    }

    ArchRule servicesAreNamedService() {
        return classes().that().resideInAPackage(pkg("application.service"))
                .and().implement(describe("an in-port", (JavaClass c) ->
                        c.getPackageName().startsWith(root + ".application.port.in")))
                .should().haveSimpleNameEndingWith("Service");
    }
}
