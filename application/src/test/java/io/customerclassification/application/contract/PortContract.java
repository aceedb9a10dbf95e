package io.customerclassification.application.contract;

import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.customertype.Audit;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeDraft;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the out-port contract tests: each subclass of a contract supplies one implementation (in-memory or
 * SQLite) and must pass the same tests.
 */
public abstract class PortContract {

    protected static final CompanyId C0 = CompanyId.DEFAULT;
    protected static final Instant T0 = Instant.parse("2026-01-07T06:18:51Z");

    protected PortSet ports;

    /** A fresh, empty implementation (company 0 registered). */
    protected abstract PortSet createPorts();

    /** Releases what {@link #createPorts()} opened. */
    protected void closePorts() {}

    @BeforeEach
    void openPorts() {
        ports = createPorts();
    }

    @AfterEach
    void releasePorts() {
        closePorts();
    }

    protected CustomerProfile profile(CompanyId company, String name) {
        return ports.saveProfile().insertCustomerProfile(new CustomerProfileDraft(company, Name.of(name), false));
    }

    protected CustomerType type(String name, CustomerTypeStatus status, CustomerType parent) {
        return type(C0, name, status, parent);
    }

    protected CustomerType type(CompanyId company, String name, CustomerTypeStatus status, CustomerType parent) {
        CustomerTypeKey parentKey = parent == null ? null : parent.key();
        return ports.saveType().insertCustomerType(
                new CustomerTypeDraft(company, Name.of(name), status, parentKey, Audit.created(T0, "creator")));
    }

    protected CustomerType active(String name, CustomerType parent) {
        return type(name, CustomerTypeStatus.ACTIVE, parent);
    }
}
