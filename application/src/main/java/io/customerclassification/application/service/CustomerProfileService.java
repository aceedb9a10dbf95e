package io.customerclassification.application.service;

import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileUseCase;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileUseCase;
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

import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;

public final class CustomerProfileService
        implements CreateCustomerProfileUseCase,
                GetCustomerProfileUseCase,
                ListCustomerProfilesUseCase,
                UpdateCustomerProfileUseCase,
                DeleteCustomerProfileUseCase {

    /** The out-ports this service needs, grouped so that wiring stays readable. */
    public record Ports(
            LoadCompanyPort loadCompany,
            LoadCustomerProfilePort load,
            SaveCustomerProfilePort save,
            DeleteCustomerProfilePort delete,
            FindCustomerProfilesPort find,
            CustomerProfileNameTakenPort nameTaken,
            TransactionPort transaction) {

        /** The ports from the store that implements the profile ports together. */
        public static <P extends LoadCustomerProfilePort & SaveCustomerProfilePort & DeleteCustomerProfilePort
                        & FindCustomerProfilesPort & CustomerProfileNameTakenPort>
                Ports of(LoadCompanyPort companies, P profiles, TransactionPort transaction) {
            return new Ports(companies, profiles, profiles, profiles, profiles, profiles, transaction);
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
            CustomerProfile updated = profile;
            if (command.newName().isPresent()) {
                Name name = command.newName().get();
                requireFreeName(command.companyId(), name, command.id());
                updated = updated.rename(name);
            }
            if (command.newArchived().isPresent()) {
                updated = command.newArchived().get() ? updated.archive() : updated.unarchive();
            }
            if (!updated.equals(profile)) {
                ports.save().updateCustomerProfile(updated);
            }
            return updated;
        });
    }

    @Override
    public void deleteCustomerProfile(DeleteCustomerProfileCommand command) {
        authorization.require(command.caller(), command.companyId(), Resource.CUSTOMER_PROFILE, Permission.DELETE);
        ports.transaction().inTransaction(() -> {
            companies.requireCompany(command.companyId());
            if (!ports.delete().deleteCustomerProfile(command.companyId(), command.id())) {
                throw new CustomerProfileNotFoundException(command.companyId(), command.id());
            }
        });
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
