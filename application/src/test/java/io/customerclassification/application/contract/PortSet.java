package io.customerclassification.application.contract;

import io.customerclassification.application.inmemory.InMemoryPersistence;
import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.company.LoadCompanyPort;
import io.customerclassification.application.port.out.company.SaveCompanyPort;
import io.customerclassification.application.port.out.customerprofile.CustomerProfileNameTakenPort;
import io.customerclassification.application.port.out.customerprofile.DeleteCustomerProfilePort;
import io.customerclassification.application.port.out.customerprofile.ExportCustomerProfilesPort;
import io.customerclassification.application.port.out.customerprofile.FindCustomerProfilesPort;
import io.customerclassification.application.port.out.customerprofile.LoadCustomerProfilePort;
import io.customerclassification.application.port.out.customerprofile.SaveCustomerProfilePort;
import io.customerclassification.application.port.out.customertype.CustomerTypeNameTakenPort;
import io.customerclassification.application.port.out.customertype.DeleteCustomerTypePort;
import io.customerclassification.application.port.out.customertype.ExportCustomerTypesPort;
import io.customerclassification.application.port.out.customertype.FindCustomerTypesPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeAncestorsPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeChildrenPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeDescendantsPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypePort;
import io.customerclassification.application.port.out.customertype.MeasureCustomerTypeSubtreePort;
import io.customerclassification.application.port.out.customertype.SaveCustomerTypePort;
import io.customerclassification.application.port.out.idempotency.LoadIdempotentRequestPort;
import io.customerclassification.application.port.out.idempotency.SaveIdempotentRequestPort;
import io.customerclassification.application.service.CompanyService;
import io.customerclassification.application.service.CustomerProfileService;
import io.customerclassification.application.service.CustomerTypeService;
import io.customerclassification.application.service.IdempotencyService;
import java.time.Clock;

/** Every out-port of one implementation, for the contract tests that any implementation must pass. */
public record PortSet(
        TransactionPort transaction,
        LoadCompanyPort loadCompany,
        SaveCompanyPort saveCompany,
        LoadCustomerProfilePort loadProfile,
        SaveCustomerProfilePort saveProfile,
        DeleteCustomerProfilePort deleteProfile,
        FindCustomerProfilesPort findProfiles,
        CustomerProfileNameTakenPort profileNameTaken,
        LoadCustomerTypePort loadType,
        SaveCustomerTypePort saveType,
        DeleteCustomerTypePort deleteType,
        FindCustomerTypesPort findTypes,
        LoadCustomerTypeAncestorsPort ancestors,
        LoadCustomerTypeChildrenPort children,
        MeasureCustomerTypeSubtreePort subtree,
        LoadCustomerTypeDescendantsPort descendants,
        CustomerTypeNameTakenPort typeNameTaken,
        ExportCustomerProfilesPort exportProfiles,
        ExportCustomerTypesPort exportTypes,
        LoadIdempotentRequestPort loadIdempotentRequest,
        SaveIdempotentRequestPort saveIdempotentRequest) {

    /** The ports of one store, from the parts of it that implement them together. */
    public static <C extends LoadCompanyPort & SaveCompanyPort,
                    P extends LoadCustomerProfilePort & SaveCustomerProfilePort & DeleteCustomerProfilePort
                            & FindCustomerProfilesPort & CustomerProfileNameTakenPort & ExportCustomerProfilesPort,
                    T extends LoadCustomerTypePort & SaveCustomerTypePort & DeleteCustomerTypePort
                            & FindCustomerTypesPort & CustomerTypeNameTakenPort,
                    H extends LoadCustomerTypeAncestorsPort & LoadCustomerTypeChildrenPort
                            & MeasureCustomerTypeSubtreePort & LoadCustomerTypeDescendantsPort & ExportCustomerTypesPort,
                    I extends LoadIdempotentRequestPort & SaveIdempotentRequestPort>
            PortSet of(TransactionPort transaction, C companies, P profiles, T types, H hierarchy, I idempotency) {
        return new PortSet(transaction, companies, companies, profiles, profiles, profiles, profiles, profiles,
                types, types, types, types, hierarchy, hierarchy, hierarchy, hierarchy, types, profiles, hierarchy,
                idempotency, idempotency);
    }

    /** The ports of the in-memory store, which implements all of them in one class. */
    public static PortSet of(InMemoryPersistence memory) {
        return of(memory, memory, memory, memory, memory, memory);
    }

    public CompanyService companyService() {
        return new CompanyService(loadCompany, saveCompany, transaction);
    }

    public CustomerProfileService profileService() {
        return new CustomerProfileService(new CustomerProfileService.Ports(
                loadCompany, loadProfile, saveProfile, deleteProfile, findProfiles, profileNameTaken, exportProfiles,
                transaction));
    }

    public IdempotencyService idempotencyService(Clock clock) {
        return new IdempotencyService(new IdempotencyService.Ports(loadIdempotentRequest, saveIdempotentRequest,
                transaction), clock);
    }

    public CustomerTypeService typeService(Clock clock) {
        return new CustomerTypeService(new CustomerTypeService.Ports(loadCompany, loadType, saveType, deleteType,
                findTypes, ancestors, children, subtree, descendants, exportTypes, typeNameTaken, transaction), clock);
    }
}
