package io.customerclassification.bootstrap.cli;

import io.customerclassification.bootstrap.CustomerClassification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code keys rotate}: the key that signs access tokens. */
@Command(name = "keys", description = "The key that signs access tokens.")
final class KeysCommand extends StoreCommand {

    @Command(name = "rotate", description = "A new signing key signs from now on; the previous one stays valid until"
            + " the tokens it signed have expired.")
    int rotate(@Mixin Store store) {
        try (CustomerClassification app = open(store)) {
            println("signing key " + app.rotateSigningKey(OPERATOR) + " signs from now on");
        }
        return 0;
    }
}
