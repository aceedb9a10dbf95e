package io.customerclassification.archfixture.stray;

/** Breaks "every class belongs to a layer". */
public class Stray {}
