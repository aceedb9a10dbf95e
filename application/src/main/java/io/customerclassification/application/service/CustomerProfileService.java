package io.customerclassification.application.service;

import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.ExportCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.ExportCustomerProfilesUseCase;
import io.customerclassification.application.port.in.customerprofile.CustomerProfileImportRow;
import io.customerclassification.application.port.in.customerprofile.ImportCustomerProfilesCommand;
import io.customerclassification.application.port.in.customerprofile.ImportCustomerProfilesUseCase;
import io.customerclassification.application.port.in.dataimport.ImportField;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.port.in.dataimport.ImportProblem;
import io.customerclassification.application.port.in.dataimport.ImportRejectedException;
import io.customerclassification.application.port.in.dataimport.ImportResult;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileQuery;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesUseCase;
import io.customerclassification.application.port.in.customerprofile.UpdateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.UpdateCustomerProfileUseCase;
import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.company.LoadCompanyPort;
import io.customerclassification.application.port.out.customerprofile.CustomerProfileNameTakenPort;
import io.customerclassification.application.port.out.customerprofile.DeleteCustomerProfilePort;
import io.customerclassification.application.port.out.customerprofile.ExportCustomerProfilesPort;
import io.customerclassification.application.port.out.customerprofile.FindCustomerProfilesPort;
import io.customerclassification.application.port.out.customerprofile.LoadCustomerProfilePort;
import io.customerclassification.application.port.out.customerprofile.SaveCustomerProfilePort;
import io.customerclassification.application.query.Page;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException;
import io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.shared.InvalidNameException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;

public final class CustomerProfileService
        implements CreateCustomerProfileUseCase,
                GetCustomerProfileUseCase,
                ListCustomerProfilesUseCase,
                UpdateCustomerProfileUseCase,
                DeleteCustomerProfileUseCase,
                ExportCustomerProfilesUseCase,
                ImportCustomerProfilesUseCase {

    /** The out-ports this service needs, grouped so that wiring stays readable. */
    public record Ports(
            LoadCompanyPort loadCompany,
            LoadCustomerProfilePort load,
            SaveCustomerProfilePort save,
            DeleteCustomerProfilePort delete,
            FindCustomerProfilesPort find,
            CustomerProfileNameTakenPort nameTaken,
            ExportCustomerProfilesPort export,
            TransactionPort transaction) {

        /** The ports from the store that implements the profile ports together. */
        public static <P extends LoadCustomerProfilePort & SaveCustomerProfilePort & DeleteCustomerProfilePort
                        & FindCustomerProfilesPort & CustomerProfileNameTakenPort & ExportCustomerProfilesPort>
                Ports of(LoadCompanyPort companies, P profiles, TransactionPort transaction) {
            return new Ports(companies, profiles, profiles, profiles, profiles, profiles, profiles, transaction);
        }
    }

    private final Ports ports;
    private final CompanyGuard companies;
    private final Authorization authorization = new Authorization();

    public CustomerProfileService(Ports ports) {
        this.ports = ports;
        this.companies = new CompanyGuard(ports.loadCompany());
    }

    @Override
    public CustomerProfile createCustomerProfile(CreateCustomerProfileCommand command) {
        authorization.require(command.caller(), command.companyId(), Resource.CUSTOMER_PROFILE, Permission.ADD);
        return ports.transaction().inTransaction(() -> {
            companies.requireCompany(command.companyId());
            requireFreeName(command.companyId(), command.name(), null);
            return ports.save().insertCustomerProfile(
                    new CustomerProfileDraft(command.companyId(), command.name(), command.archived()));
        });
    }

    @Override
    public CustomerProfile getCustomerProfile(GetCustomerProfileQuery query) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_PROFILE, query.permission());
        companies.requireCompany(query.companyId());
        return load(query.companyId(), query.id());
    }

    @Override
    public Page<CustomerProfile> listCustomerProfiles(ListCustomerProfilesQuery query) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_PROFILE, Permission.LIST);
        companies.requireCompany(query.companyId());
        return ports.find().findCustomerProfiles(query.companyId(), query.criteria());
    }

    @Override
    public CustomerProfile updateCustomerProfile(UpdateCustomerProfileCommand command) {
        authorization.require(command.caller(), command.companyId(), Resource.CUSTOMER_PROFILE, Permission.EDIT);
        return ports.transaction().inTransaction(() -> {
            companies.requireCompany(command.companyId());
            CustomerProfile profile = load(command.companyId(), command.id());
            profile.requireVersion(command.expectedVersion());
            CustomerProfile updated = profile;
            if (command.newName().isPresent()) {
                Name name = command.newName().get();
                requireFreeName(command.companyId(), name, command.id());
                updated = updated.rename(name);
            }
            if (command.newArchived().isPresent()) {
                updated = command.newArchived().get() ? updated.archive() : updated.unarchive();
            }
            if (updated.equals(profile)) {
                return profile; // a change that changes nothing is not written: its version stays
            }
            return ports.save().updateCustomerProfile(updated);
        });
    }

    @Override
    public void deleteCustomerProfile(DeleteCustomerProfileCommand command) {
        authorization.require(command.caller(), command.companyId(), Resource.CUSTOMER_PROFILE, Permission.DELETE);
        ports.transaction().inTransaction(() -> {
            companies.requireCompany(command.companyId());
            if (command.expectedVersion() != null) {
                load(command.companyId(), command.id()).requireVersion(command.expectedVersion());
            }
            if (!ports.delete().deleteCustomerProfile(command.companyId(), command.id())) {
                throw new CustomerProfileNotFoundException(command.companyId(), command.id());
            }
        });
    }

    @Override
    public long exportCustomerProfiles(ExportCustomerProfilesQuery query, Consumer<CustomerProfile> rows) {
        authorization.require(query.caller(), query.companyId(), Resource.CUSTOMER_PROFILE, Permission.LIST);
        companies.requireCompany(query.companyId());
        return ports.export().exportCustomerProfiles(query.companyId(), rows);
    }

    /** A row of an import that passed its checks: what it creates, or the profile it updates. */
    private record Planned(Name name, boolean archived, CustomerProfile match) {}

    /**
     * Reads the company's profiles (through the export, in the write transaction), checks every row, then writes
     * them. A row that matches a profile and changes nothing is counted in neither total.
     */
    @Override
    public ImportResult importCustomerProfiles(ImportCustomerProfilesCommand command) {
        authorization.requireImport(
                command.caller(), command.companyId(), Resource.CUSTOMER_PROFILE, command.mode());
        CompanyId companyId = command.companyId();
        return ports.transaction().inTransaction(() -> {
            companies.requireCompany(companyId);
            Map<String, CustomerProfile> stored = new HashMap<>();
            ports.export().exportCustomerProfiles(companyId, profile -> stored.put(profile.name().key(), profile));
            List<ImportProblem> problems = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            List<Planned> planned = new ArrayList<>();
            for (int row = 1; row <= command.rows().size(); row++) {
                CustomerProfileImportRow given = command.rows().get(row - 1);
                Boolean archived = archived(given.archived());
                if (archived == null) {
                    problems.add(new ImportProblem(row, ImportField.ARCHIVED, "Archived must be true or false"));
                }
                Name name = importedName(row, given.name(), problems);
                if (name == null) {
                    continue;
                }
                Integer first = seen.putIfAbsent(name.key(), row);
                CustomerProfile match = stored.get(name.key());
                if (first != null) {
                    problems.add(new ImportProblem(row, ImportField.NAME, "Name is also the Name of row " + first));
                } else if (match != null && command.mode() == ImportMode.CREATE) {
                    problems.add(new ImportProblem(row, ImportField.NAME, "Name already exists"));
                } else if (archived != null) {
                    planned.add(new Planned(name, archived, match));
                }
            }
            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparingInt(ImportProblem::row).thenComparing(ImportProblem::field));
                throw new ImportRejectedException(problems);
            }
            List<Planned> changes = planned.stream()
                    .filter(plan -> plan.match() == null || plan.match().archived() != plan.archived()).toList();
            long created = changes.stream().filter(plan -> plan.match() == null).count();
            if (!command.dryRun()) {
                for (Planned plan : changes) {
                    if (plan.match() == null) {
                        ports.save().insertCustomerProfile(new CustomerProfileDraft(companyId, plan.name(),
                                plan.archived()));
                    } else {
                        ports.save().updateCustomerProfile(plan.archived() ? plan.match().archive()
                                : plan.match().unarchive());
                    }
                }
            }
            return new ImportResult(created, changes.size() - created);
        });
    }

    private static Name importedName(int row, String value, List<ImportProblem> problems) {
        if (value == null) {
            problems.add(new ImportProblem(row, ImportField.NAME, "Name is required"));
            return null;
        }
        try {
            return Name.of(value);
        } catch (InvalidNameException e) {
            problems.add(new ImportProblem(row, ImportField.NAME, "Name " + e.reason().description()));
            return null;
        }
    }

    /** {@code true}/{@code false} in any case, absent or empty as {@code false}; null for anything else. */
    private static Boolean archived(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> null;
        };
    }

    private CustomerProfile load(CompanyId companyId, CustomerProfileId id) {
        return ports.load().loadCustomerProfile(companyId, id)
                .orElseThrow(() -> new CustomerProfileNotFoundException(companyId, id));
    }

    private void requireFreeName(CompanyId companyId, Name name, CustomerProfileId except) {
        if (ports.nameTaken().isCustomerProfileNameTaken(companyId, name, except)) {
            throw new DuplicateCustomerProfileNameException(companyId, name);
        }
    }
}
