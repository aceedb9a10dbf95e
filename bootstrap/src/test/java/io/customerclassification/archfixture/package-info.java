/**
 * Classes that break the architecture rules on purpose, laid out like the product under another root, so
 * that each rule is seen to fail at least once. Never imported by the production check.
 */
package io.customerclassification.archfixture;
