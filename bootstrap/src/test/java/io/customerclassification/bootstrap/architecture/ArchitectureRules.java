package io.customerclassification.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The dependency rules of STYLE.md, defined once and checked both against the product and against fixture
 * classes that break them on purpose, so that no rule can pass vacuously. Package patterns are relative to a
 * root package, so the fixtures can mirror the product's layout under another root.
 */
final class ArchitectureRules {

    private static final String[] JDK_CORE = {"java.lang..", "java.util..", "java.time..", "java.math.."};

    /**
     * The databases the SQL adapter has parts for, each in its package {@code adapter.jdbi.<name>}, and
     * {@code database}: what their entry points share (migrations, the pool's figures).
     */
    private static final List<String> DATABASES = List.of("sqlite", "postgres", "database");

    /** The libraries of the databases: drivers, the pool, the migrations. */
    private static final String[] DATABASE_LIBRARIES = {"org.sqlite..", "org.postgresql..", "com.zaxxer..",
        "org.flywaydb.."};

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
                        "org.jdbi..", "org.sqlite..", "org.postgresql..", "org.flywaydb..", "com.zaxxer..", "java.sql..",
                        "javax.sql..")
                .because("SQL belongs to the JDBI adapter");
    }

    /**
     * Inside the SQL adapter only the session, and each database's own parts that build it, take connections and
     * run transactions, and only they open Jdbi handles (which wrap a connection); the persistence adapters and the
     * page reader get their statements, and their SqlObject DAOs, from the session. Each
     * database's parts live in a package of their own under the adapter ({@link #DATABASES}).
     */
    ArchRule onlyTheSessionTakesConnections() {
        return noClasses().that().resideInAPackage(pkg("adapter.jdbi"))
                .and().resideOutsideOfPackages(databasePackages(pkg("adapter.jdbi.session")))
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.Connection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.DriverManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.jdbi.v3.core.Jdbi")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.jdbi.v3.core.Handle")
                .because("connections and transactions are the session's (docs/persistence.md)");
    }

    /** The drivers, the pool and the migrations stay in the database packages of the SQL adapter. */
    ArchRule databaseLibrariesOnlyInTheirDatabasePackage() {
        return noClasses().that().resideInAPackage(pkg("adapter.jdbi"))
                .and().resideOutsideOfPackages(databasePackages())
                .should().dependOnClassesThat().resideInAnyPackage(DATABASE_LIBRARIES)
                .because("what differs per database is a part in that database's package (docs/persistence.md)");
    }

    /** One database's driver never reaches into another database's parts, nor into what they share. */
    ArchRule eachDriverOnlyInItsDatabasePackage() {
        return CompositeArchRule.of(noClasses().that().resideOutsideOfPackage(pkg("adapter.jdbi.sqlite"))
                        .and().resideInAPackage(pkg("adapter.jdbi"))
                        .should().dependOnClassesThat().resideInAPackage("org.sqlite.."))
                .and(noClasses().that().resideOutsideOfPackage(pkg("adapter.jdbi.postgres"))
                        .and().resideInAPackage(pkg("adapter.jdbi"))
                        .should().dependOnClassesThat().resideInAPackage("org.postgresql.."))
                .because("SQLite's parts and PostgreSQL's are two implementations of the same parts");
    }

    /** The packages of the SQL adapter that hold one database's own parts, and {@code more}. */
    private String[] databasePackages(String... more) {
        List<String> packages = new ArrayList<>(List.of(more));
        for (String database : DATABASES) {
            packages.add(pkg("adapter.jdbi." + database));
        }
        return packages.toArray(String[]::new);
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

    /**
     * The console and the API docs are static files: the browser reaches the product through the public HTTP API
     * only, with the signed-in token, so the code that serves them never touches the application or the domain.
     */
    ArchRule consoleServesFilesOnly() {
        return noClasses().that().resideInAPackage(pkg("adapter.http.console"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("application"), pkg("domain"))
                .because("the console is a client of the public API, not a way around it");
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
