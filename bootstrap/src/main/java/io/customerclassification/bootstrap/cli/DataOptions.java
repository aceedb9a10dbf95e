package io.customerclassification.bootstrap.cli;

import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import picocli.CommandLine.Option;

/** What {@code export} and {@code import} act on: one resource of one company. */
final class DataOptions {

    @Option(names = "--company", required = true, paramLabel = "N", description = "the company")
    CompanyId company;

    @Option(names = "--resource", required = true, paramLabel = "customer-type|customer-profile",
            description = "what to move: customer types (Sage Intacct's columns key,id,status,parentId) or customer"
                    + " profiles (Simpro's ID,Name,Archived)")
    Resource resource;
}
