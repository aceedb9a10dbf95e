package io.customerclassification.archfixture.adapter.http;

import com.nimbusds.jwt.SignedJWT;
import io.customerclassification.archfixture.adapter.security.TokenSigner;

/** Breaks "JOSE and crypto only in the security adapter", and the layering: one adapter using another. */
public class ControllerSigningTokens {
    SignedJWT token;
    TokenSigner signer;
}
