package io.customerclassification.bootstrap.cli;

import io.customerclassification.adapter.jdbi.DatabaseUnavailableException;
import io.customerclassification.bootstrap.ConfigurationException;
import io.customerclassification.bootstrap.CustomerClassification;
import io.customerclassification.bootstrap.DatabaseLocation;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.DomainException;
import jakarta.validation.ConstraintViolationException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The server jar's commands for operators ({@code clients …}, {@code keys …}, {@code companies …}, {@code export},
 * {@code import}), parsed by picocli: each opens the store ({@code --db}, env {@code CLASSIFICATION_DB}), acts on it
 * as the trusted system and closes it. Exit status 0 on success, 1 when the store refuses (a taken id, an unknown
 * client, an import with problems), 2 for a bad command line.
 */
@Command(name = "java -jar customer-classification-server.jar", mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        subcommands = {ClientsCommand.class, KeysCommand.class, CompaniesCommand.class, ExportCommand.class,
            ImportCommand.class},
        description = "Administers the store the server uses. Without a command, the jar starts the server.")
public final class OperatorCommands {

    /** The first arguments that name a command rather than a server option. */
    public static final Set<String> NAMES = Set.of("clients", "keys", "companies", "export", "import");

    private OperatorCommands() {}

    /**
     * Runs the command {@code args} names.
     *
     * @param defaultDatabase the store when {@code --db} is not given
     * @param open opens the store a command names (the embedded entry point over that file)
     * @return the exit status
     */
    public static int run(String[] args, String defaultDatabase, Function<DatabaseLocation, CustomerClassification> open,
            PrintWriter out, PrintWriter err) {
        return run(args, defaultDatabase, open, System.in, out, err);
    }

    /** As {@link #run(String[], String, Function, PrintWriter, PrintWriter)}, {@code import -} reading {@code in}. */
    public static int run(String[] args, String defaultDatabase, Function<DatabaseLocation, CustomerClassification> open,
            InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new OperatorCommands(), new Factory(open, in));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setDefaultValueProvider(argument -> argument.isOption()
                && List.of(((CommandLine.Model.OptionSpec) argument).names()).contains("--db")
                ? defaultDatabase : null);
        cli.registerConverter(Grant.class, spec -> converted(() -> GrantSpec.parse(spec)));
        cli.registerConverter(DatabaseLocation.class, location -> converted(() -> DatabaseLocation.parse(location,
                "--db")));
        cli.registerConverter(ClientId.class, id -> converted(() -> ClientId.of(id)));
        cli.registerConverter(CompanyId.class, id -> converted(() -> CompanyId.of(Long.parseLong(id))));
        cli.registerConverter(Resource.class, name -> converted(() -> Resource.fromWireName(name).orElseThrow(
                () -> new IllegalArgumentException("not customer-type or customer-profile: " + name))));
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("error: " + e.getMessage() + " (see " + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help)");
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof DomainException || e instanceof ConstraintViolationException
                    || e instanceof IllegalArgumentException || e instanceof DatabaseUnavailableException) {
                err.println("error: " + e.getMessage());
                err.flush();
                return 1;
            }
            throw e;
        });
        int status = cli.execute(args);
        out.flush();
        return status;
    }

    /** A value of the command line as the domain reads it; a value it refuses is a bad command line (exit 2). */
    private static <T> T converted(Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException | DomainException | ConfigurationException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** Gives each command the way to open the store. */
    private record Factory(Function<DatabaseLocation, CustomerClassification> open, InputStream in)
            implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            K made = CommandLine.defaultFactory().create(type);
            if (made instanceof StoreCommand command) {
                command.opener = open;
                command.input = in;
            }
            return made;
        }
    }
}
