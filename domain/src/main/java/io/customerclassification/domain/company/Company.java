package io.customerclassification.domain.company;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.Objects;

/** A tenant: every record belongs to exactly one company. Company 0 ("Default Company") always exists. */
public record Company(CompanyId id, Name name) {

    public static final Company DEFAULT = new Company(CompanyId.DEFAULT, Name.of("Default Company"));

    public Company {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
