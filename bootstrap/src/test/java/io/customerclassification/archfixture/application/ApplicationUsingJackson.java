package io.customerclassification.archfixture.application;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the application allow-list and the "JSON only in the HTTP adapter" rule. */
public class ApplicationUsingJackson {
    ObjectMapper mapper;
}
