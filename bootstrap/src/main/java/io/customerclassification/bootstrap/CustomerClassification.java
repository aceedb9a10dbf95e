package io.customerclassification.bootstrap;

import io.customerclassification.application.model.CustomerTypeAncestor;
import io.customerclassification.application.model.CustomerTypeDescendant;
import io.customerclassification.application.model.CustomerTypeExportRow;
import io.customerclassification.application.model.CustomerTypeReference;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.GetCompanyQuery;
import io.customerclassification.application.port.in.company.GetCompanyUseCase;
import io.customerclassification.application.port.in.company.ListCompaniesUseCase;
import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.application.port.in.company.RegisterCompanyUseCase;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.ExportCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.ExportCustomerProfilesUseCase;
import io.customerclassification.application.port.in.customerprofile.ImportCustomerProfilesCommand;
import io.customerclassification.application.port.in.customerprofile.ImportCustomerProfilesUseCase;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileQuery;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesUseCase;
import io.customerclassification.application.port.in.customerprofile.UpdateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.UpdateCustomerProfileUseCase;
import io.customerclassification.application.port.in.customertype.AggregateCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.AggregateCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeUseCase;
import io.customerclassification.application.port.in.customertype.DeleteCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.DeleteCustomerTypeUseCase;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeLineageUseCase;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeQuery;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesCommand;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesUseCase;
import io.customerclassification.application.port.in.dataimport.ImportResult;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeAncestorsQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeAncestorsUseCase;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeDescendantsQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeDescendantsUseCase;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeUseCase;
import io.customerclassification.application.port.in.customertype.ListCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeReferencesUseCase;
import io.customerclassification.application.port.in.customertype.ListCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.QueryCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.QueryCustomerTypesUseCase;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeUseCase;
import io.customerclassification.application.port.in.identity.ApiKeyInfo;
import io.customerclassification.application.port.in.identity.AuthenticateBearerUseCase;
import io.customerclassification.application.port.in.identity.ClientQuery;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.application.port.in.identity.CreateApiKeyUseCase;
import io.customerclassification.application.port.in.identity.CreateClientCommand;
import io.customerclassification.application.port.in.identity.CreateClientUseCase;
import io.customerclassification.application.port.in.identity.CreatedApiKey;
import io.customerclassification.application.port.in.identity.DeleteClientUseCase;
import io.customerclassification.application.port.in.identity.GetClientUseCase;
import io.customerclassification.application.port.in.identity.ListApiKeysUseCase;
import io.customerclassification.application.port.in.identity.ListClientsUseCase;
import io.customerclassification.application.port.in.identity.RevokeApiKeyCommand;
import io.customerclassification.application.port.in.identity.RevokeApiKeyUseCase;
import io.customerclassification.application.port.in.identity.RotateClientSecretUseCase;
import io.customerclassification.application.port.in.identity.RotateSigningKeyUseCase;
import io.customerclassification.application.port.in.identity.UpdateClientCommand;
import io.customerclassification.application.port.in.identity.UpdateClientUseCase;
import io.customerclassification.application.query.AggregateValue;
import io.customerclassification.application.query.Page;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.adapter.jdbi.PoolState;
import io.customerclassification.adapter.jdbi.SqlStore;
import io.customerclassification.adapter.jdbi.postgres.PostgresDatabase;
import io.customerclassification.adapter.jdbi.sqlite.SqliteDatabase;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.identity.Client;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The embedded entry point: every use case of the product, in-process, with no HTTP. Open it over a database
 * file (or a data source of your own, or a PostgreSQL database that server instances share) and close it when done;
 * it is safe to share between threads.
 *
 * <p>Every command and query names its {@link Caller}: a client authenticated from a credential
 * ({@link #authenticate}), whose grants the use cases check, or {@link Caller#system} for an application that
 * trusts itself and wants no checks.
 *
 * <pre>{@code
 * try (CustomerClassification app = CustomerClassification.open(Path.of("data/classification.db"))) {
 *     CustomerProfile gold = app.createCustomerProfile(
 *             new CreateCustomerProfileCommand(Caller.system("alice"), CompanyId.DEFAULT, Name.of("Gold"), false));
 * }
 * }</pre>
 */
public final class CustomerClassification
        implements AutoCloseable,
                ListCompaniesUseCase,
                GetCompanyUseCase,
                RegisterCompanyUseCase,
                CreateCustomerProfileUseCase,
                GetCustomerProfileUseCase,
                ListCustomerProfilesUseCase,
                UpdateCustomerProfileUseCase,
                DeleteCustomerProfileUseCase,
                CreateCustomerTypeUseCase,
                GetCustomerTypeUseCase,
                ListCustomerTypesUseCase,
                ListCustomerTypeReferencesUseCase,
                UpdateCustomerTypeUseCase,
                DeleteCustomerTypeUseCase,
                QueryCustomerTypesUseCase,
                AggregateCustomerTypesUseCase,
                GetCustomerTypeLineageUseCase,
                ListCustomerTypeAncestorsUseCase,
                ListCustomerTypeDescendantsUseCase,
                ExportCustomerProfilesUseCase,
                ExportCustomerTypesUseCase,
                ImportCustomerProfilesUseCase,
                ImportCustomerTypesUseCase,
                AuthenticateBearerUseCase,
                CreateClientUseCase,
                ListClientsUseCase,
                GetClientUseCase,
                UpdateClientUseCase,
                DeleteClientUseCase,
                RotateClientSecretUseCase,
                CreateApiKeyUseCase,
                ListApiKeysUseCase,
                RevokeApiKeyUseCase,
                RotateSigningKeyUseCase {

    private final SqlStore database;
    private final Services services;

    private CustomerClassification(SqlStore database, Security security, Clock clock) {
        this.database = database;
        this.services = Services.over(database.stores(), security, clock);
    }

    /**
     * Opens (creating and migrating when needed) the SQLite database file.
     *
     * @throws io.customerclassification.adapter.jdbi.DatabaseUnavailableException when the file cannot be
     *     created, opened, written or migrated, or was written by a newer version of the product
     */
    public static CustomerClassification open(Path databaseFile) {
        return new CustomerClassification(SqliteDatabase.open(databaseFile), Security.standard(null),
                Clock.systemUTC());
    }

    /** Like {@link #open(Path)} over a data source of the caller's, which must give SQLite connections. */
    public static CustomerClassification open(DataSource dataSource) {
        return new CustomerClassification(SqliteDatabase.open(dataSource), Security.standard(null), Clock.systemUTC());
    }

    /**
     * Connects to a PostgreSQL database ({@code postgresql://user:password@host:port/database} or a
     * {@code jdbc:postgresql:} URL), migrating it when needed, with a pool of {@code poolSize} connections. Server
     * instances and other embedding applications may share the database: every rule holds across them.
     *
     * @throws io.customerclassification.adapter.jdbi.DatabaseUnavailableException when the database cannot be
     *     reached or migrated, or was written by a newer version of the product
     */
    public static CustomerClassification openPostgres(String url, int poolSize) {
        return new CustomerClassification(PostgresDatabase.open(url, poolSize), Security.standard(null),
                Clock.systemUTC());
    }

    /**
     * Opens the store {@code location} names (the server's {@code --db}), also accepting the tokens of
     * {@code externalIssuer} when it is not null.
     */
    static CustomerClassification open(DatabaseLocation location, int poolSize,
            IdentityConfig.ExternalIssuer externalIssuer) {
        return new CustomerClassification(location.open(poolSize), Security.standard(externalIssuer),
                Clock.systemUTC());
    }

    /**
     * Runs several use cases as one atomic unit: either all their writes are kept or, when {@code work} throws,
     * none. Writers are serialised, so keep the unit short; calls inside it join it.
     */
    public <T> T inTransaction(Supplier<T> work) {
        return database.stores().transactions().inTransaction(work);
    }

    /** Whether the database answers (what {@code GET /health} reports). */
    public boolean isDatabaseReachable() {
        return database.isReachable();
    }

    /**
     * Since when writes find the store full (its disk, or the size the database may grow to), while none has fit
     * since; such writes throw {@link io.customerclassification.application.port.out.StoreFullException} and write
     * nothing. While full, a write that leaves nothing behind is tried at most once a second, so that this clears
     * once space is freed ({@code GET /health} reports it).
     */
    public Optional<Instant> storeFullSince() {
        return database.fullSince();
    }

    @Override
    public List<Company> listCompanies(Caller caller) {
        return services.companies().listCompanies(caller);
    }

    @Override
    public List<Company> listAllCompanies(Caller caller) {
        return services.companies().listAllCompanies(caller);
    }

    @Override
    public Company getCompany(GetCompanyQuery query) {
        return services.companies().getCompany(query);
    }

    @Override
    public Company registerCompany(RegisterCompanyCommand command) {
        return services.companies().registerCompany(command);
    }

    @Override
    public Company addCompany(RegisterCompanyCommand command) {
        return services.companies().addCompany(command);
    }

    @Override
    public CustomerProfile createCustomerProfile(CreateCustomerProfileCommand command) {
        return services.profiles().createCustomerProfile(command);
    }

    @Override
    public CustomerProfile getCustomerProfile(GetCustomerProfileQuery query) {
        return services.profiles().getCustomerProfile(query);
    }

    @Override
    public Page<CustomerProfile> listCustomerProfiles(ListCustomerProfilesQuery query) {
        return services.profiles().listCustomerProfiles(query);
    }

    @Override
    public CustomerProfile updateCustomerProfile(UpdateCustomerProfileCommand command) {
        return services.profiles().updateCustomerProfile(command);
    }

    @Override
    public void deleteCustomerProfile(DeleteCustomerProfileCommand command) {
        services.profiles().deleteCustomerProfile(command);
    }

    @Override
    public CustomerTypeView createCustomerType(CreateCustomerTypeCommand command) {
        return services.types().createCustomerType(command);
    }

    @Override
    public CustomerTypeView getCustomerType(GetCustomerTypeQuery query) {
        return services.types().getCustomerType(query);
    }

    @Override
    public Page<CustomerTypeView> listCustomerTypes(ListCustomerTypesQuery query) {
        return services.types().listCustomerTypes(query);
    }

    @Override
    public Page<CustomerTypeReference> listCustomerTypeReferences(ListCustomerTypesQuery query) {
        return services.types().listCustomerTypeReferences(query);
    }

    @Override
    public CustomerTypeView updateCustomerType(UpdateCustomerTypeCommand command) {
        return services.types().updateCustomerType(command);
    }

    @Override
    public void deleteCustomerType(DeleteCustomerTypeCommand command) {
        services.types().deleteCustomerType(command);
    }

    @Override
    public Page<CustomerTypeView> queryCustomerTypes(QueryCustomerTypesQuery query) {
        return services.types().queryCustomerTypes(query);
    }

    @Override
    public List<AggregateValue> aggregateCustomerTypes(AggregateCustomerTypesQuery query) {
        return services.types().aggregateCustomerTypes(query);
    }

    @Override
    public List<CustomerTypeKey> getCustomerTypeLineage(GetCustomerTypeQuery query) {
        return services.types().getCustomerTypeLineage(query);
    }

    @Override
    public List<CustomerTypeAncestor> listCustomerTypeAncestors(ListCustomerTypeAncestorsQuery query) {
        return services.types().listCustomerTypeAncestors(query);
    }

    @Override
    public Page<CustomerTypeDescendant> listCustomerTypeDescendants(ListCustomerTypeDescendantsQuery query) {
        return services.types().listCustomerTypeDescendants(query);
    }

    @Override
    public long exportCustomerProfiles(ExportCustomerProfilesQuery query, Consumer<CustomerProfile> rows) {
        return services.profiles().exportCustomerProfiles(query, rows);
    }

    @Override
    public long exportCustomerTypes(ExportCustomerTypesQuery query, Consumer<CustomerTypeExportRow> rows) {
        return services.types().exportCustomerTypes(query, rows);
    }

    @Override
    public ImportResult importCustomerProfiles(ImportCustomerProfilesCommand command) {
        return services.profiles().importCustomerProfiles(command);
    }

    @Override
    public ImportResult importCustomerTypes(ImportCustomerTypesCommand command) {
        return services.types().importCustomerTypes(command);
    }

    @Override
    public Caller authenticate(String credential) {
        return services.authentication().authenticate(credential);
    }

    @Override
    public ClientWithSecret createClient(CreateClientCommand command) {
        return services.clients().createClient(command);
    }

    @Override
    public List<Client> listClients(Caller caller) {
        return services.clients().listClients(caller);
    }

    @Override
    public Client getClient(ClientQuery query) {
        return services.clients().getClient(query);
    }

    @Override
    public Client updateClient(UpdateClientCommand command) {
        return services.clients().updateClient(command);
    }

    @Override
    public void deleteClient(ClientQuery query) {
        services.clients().deleteClient(query);
    }

    @Override
    public ClientWithSecret rotateClientSecret(ClientQuery query) {
        return services.clients().rotateClientSecret(query);
    }

    @Override
    public CreatedApiKey createApiKey(ClientQuery query) {
        return services.clients().createApiKey(query);
    }

    @Override
    public List<ApiKeyInfo> listApiKeys(ClientQuery query) {
        return services.clients().listApiKeys(query);
    }

    @Override
    public void revokeApiKey(RevokeApiKeyCommand command) {
        services.clients().revokeApiKey(command);
    }

    @Override
    public String rotateSigningKey(Caller caller) {
        return services.tokens().rotateSigningKey(caller);
    }

    /** The store's connection pool now, for the metrics. */
    PoolState poolState() {
        return database.poolState();
    }

    /** The services the use cases run on, for the HTTP dialects of the server. */
    Services services() {
        return services;
    }

    /** Closes the database, folding its write-ahead log back into the file. */
    @Override
    public void close() {
        database.close();
    }
}
