package io.customerclassification.application.contract;

import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.identity.CountFailedAuthenticationsPort;
import io.customerclassification.application.port.out.identity.DeleteApiKeyPort;
import io.customerclassification.application.port.out.identity.DeleteClientPort;
import io.customerclassification.application.port.out.identity.IdentityChangePort;
import io.customerclassification.application.port.out.identity.LoadApiKeyPort;
import io.customerclassification.application.port.out.identity.LoadClientPort;
import io.customerclassification.application.port.out.identity.LoadSigningKeysPort;
import io.customerclassification.application.port.out.identity.LoadTokenFamilyPort;
import io.customerclassification.application.port.out.identity.RevokeAccessTokenPort;
import io.customerclassification.application.port.out.identity.SaveApiKeyPort;
import io.customerclassification.application.port.out.identity.SaveClientPort;
import io.customerclassification.application.port.out.identity.SaveSigningKeyPort;
import io.customerclassification.application.port.out.identity.SaveTokenFamilyPort;

/** Every identity out-port of one implementation, for the contract every implementation must pass. */
public record IdentityPortSet(
        TransactionPort transaction,
        LoadClientPort loadClients,
        SaveClientPort saveClients,
        DeleteClientPort deleteClients,
        LoadApiKeyPort loadApiKeys,
        SaveApiKeyPort saveApiKeys,
        DeleteApiKeyPort deleteApiKeys,
        LoadTokenFamilyPort loadFamilies,
        SaveTokenFamilyPort saveFamilies,
        RevokeAccessTokenPort revokedAccessTokens,
        CountFailedAuthenticationsPort failedAuthentications,
        LoadSigningKeysPort loadSigningKeys,
        SaveSigningKeyPort saveSigningKeys,
        IdentityChangePort changes) {}
