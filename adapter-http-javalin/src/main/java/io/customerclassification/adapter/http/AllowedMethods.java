package io.customerclassification.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.function.BiFunction;

/** The methods a dialect's path serves; every other is refused with 405 and {@code Allow}. */
public final class AllowedMethods {

    /** Set on a request once a guard has judged it, the path it judged for its value. */
    private static final String JUDGED = AllowedMethods.class.getName() + ".judged";

    private AllowedMethods() {}

    /** {@link #guard(RoutesConfig, String, List, BiFunction, Handler)} with nothing to follow the check. */
    public static void guard(RoutesConfig routes, String path, List<HandlerType> allowed,
            BiFunction<String, String, RuntimeException> refusal) {
        guard(routes, path, allowed, refusal, ctx -> { });
    }

    /**
     * Refuses every method but {@code allowed} on {@code path} before any handler runs: a before-handler sees
     * every method, OPTIONS and TRACE too, which would otherwise get Javalin's 405 listing the methods of every
     * route on the path, the refusing ones included. HEAD is served wherever GET is. Where two guarded paths match a
     * request ({@code …/import} and {@code …/{id}}), the guard registered first judges it alone: register the
     * literal path's guard before the template's.
     *
     * <p>{@code then} runs once the method is admitted, in the same before-handler: Javalin matches every request's
     * path against every before-handler's, so one handler per path rather than two halves that work.
     *
     * @param refusal the dialect's 405 for the method sent and the {@code Allow} list
     * @param then what follows the check on this path (who calls, say)
     */
    public static void guard(RoutesConfig routes, String path, List<HandlerType> allowed,
            BiFunction<String, String, RuntimeException> refusal, Handler then) {
        String allow = String.join(", ", allowed.stream().map(HandlerType::name).toList());
        routes.before(path, ctx -> {
            if (ctx.attribute(JUDGED) != null) {
                return;
            }
            HandlerType method = ctx.method();
            boolean head = method.equals(HandlerType.HEAD) && allowed.contains(HandlerType.GET);
            if (!allowed.contains(method) && !head) {
                ctx.header("Allow", allow);
                throw refusal.apply(method.name(), allow);
            }
            ctx.attribute(JUDGED, path);
            then.handle(ctx);
        });
    }
}
