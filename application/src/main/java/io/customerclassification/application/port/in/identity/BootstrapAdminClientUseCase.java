package io.customerclassification.application.port.in.identity;

import io.customerclassification.domain.identity.Client;

public interface BootstrapAdminClientUseCase {

    /**
     * Creates the admin client, or makes an existing client of that id an admin with every permission on every
     * company and this secret (its tokens issued under another secret are revoked when the secret changes).
     */
    Client bootstrapAdminClient(BootstrapAdminClientCommand command);
}
