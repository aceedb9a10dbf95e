package io.customerclassification.archfixture.adapter.http;

import io.customerclassification.archfixture.application.service.ThingManager;

/** Breaks "adapters never use services". */
public class ThingController {
    ThingManager manager = new ThingManager();
}
