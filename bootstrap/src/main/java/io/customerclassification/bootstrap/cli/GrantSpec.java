package io.customerclassification.bootstrap.cli;

import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import java.util.EnumSet;
import java.util.Set;

/** A grant on the command line: {@code COMPANY:RESOURCE:PERMISSIONS}, e.g. {@code 1:customer-type:list,view}. */
final class GrantSpec {

    private GrantSpec() {}

    /** @throws IllegalArgumentException naming what is wrong */
    static Grant parse(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a grant is COMPANY:RESOURCE:PERMISSIONS, was '" + spec + "'");
        }
        CompanyId company = null;
        if (!parts[0].equals("*")) {
            if (!parts[0].matches("[0-9]{1,18}")) {
                throw new IllegalArgumentException("a grant's company is a company ID or *, was '" + parts[0] + "'");
            }
            company = CompanyId.of(Long.parseLong(parts[0]));
        }
        Resource resource = Resource.fromWireName(parts[1]).orElseThrow(() -> new IllegalArgumentException(
                "a grant's resource is customer-profile or customer-type, was '" + parts[1] + "'"));
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (!parts[2].isEmpty()) {
            for (String name : parts[2].split(",", -1)) {
                permissions.add(Permission.fromWireName(name).orElseThrow(() -> new IllegalArgumentException(
                        "a permission is list, view, add, edit or delete, was '" + name + "'")));
            }
        }
        return new Grant(company, resource, permissions);
    }

    static String format(Grant grant) {
        return (grant.isForEveryCompany() ? "*" : grant.company().toString()) + ":" + grant.resource().wireName() + ":"
                + String.join(",", grant.permissions().stream().map(Permission::wireName).toList());
    }
}
