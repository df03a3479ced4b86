package org.linkwork.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

/**
 * Headers every response of every service carries, whatever produced it (an endpoint, a problem
 * mapper, the security layer, a static document): {@code X-Content-Type-Options: nosniff}, so a
 * browser never sniffs a JSON body into something it runs, and {@code Cache-Control: no-store}, so no
 * browser or shared cache keeps patient data. A response that chose its own caching (the open
 * directory's reads) keeps its {@code Cache-Control}.
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String NO_STORE = "no-store";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                if (!headers.contains(CACHE_CONTROL)) {
                    headers.set(CACHE_CONTROL, NO_STORE);
                }
            });
            context.next();
        });
    }
}
