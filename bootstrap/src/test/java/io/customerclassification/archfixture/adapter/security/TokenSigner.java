package io.customerclassification.archfixture.adapter.security;

/** A class of the security adapter, for the fixture that reaches into it from another adapter. */
public class TokenSigner {}
