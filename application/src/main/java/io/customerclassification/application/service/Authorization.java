package io.customerclassification.application.service;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.domain.identity.AccessPolicy;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import java.util.Objects;

/**
 * Every use case starts here, before it reads anything: the caller's grants decide (the trusted system caller
 * passes), so that a refused caller learns nothing, not even whether the company or the record exists.
 */
final class Authorization {

    private final AccessPolicy policy = new AccessPolicy();

    void require(Caller caller, CompanyId company, Resource resource, Permission permission) {
        Objects.requireNonNull(caller, "caller");
        if (!caller.system()) {
            policy.check(caller.clientId(), caller.grants(), caller.companyLimit(), company, resource, permission);
        }
    }

    /** An import adds records, and in {@link ImportMode#UPSERT} also edits the ones it matches. */
    void requireImport(Caller caller, CompanyId company, Resource resource, ImportMode mode) {
        require(caller, company, resource, Permission.ADD);
        if (mode == ImportMode.UPSERT) {
            require(caller, company, resource, Permission.EDIT);
        }
    }

    /** Whether the caller may see that the company exists: the system and admins always, else through a grant. */
    boolean reaches(Caller caller, CompanyId company) {
        Objects.requireNonNull(caller, "caller");
        return caller.system() || caller.admin()
                || policy.reaches(caller.grants(), caller.companyLimit(), company);
    }

    void requireReach(Caller caller, CompanyId company) {
        if (!reaches(caller, company)) {
            policy.checkReach(caller.clientId(), caller.grants(), caller.companyLimit(), company);
        }
    }

    void requireAdmin(Caller caller) {
        Objects.requireNonNull(caller, "caller");
        if (!caller.system()) {
            policy.checkAdmin(caller.clientId(), caller.admin());
        }
    }
}
