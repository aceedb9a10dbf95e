package io.customerclassification.bootstrap.process;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin client's credentials as the server prints them once, at its first start on an empty store. */
final class FirstStart {

    private static final Pattern CLIENT_ID = Pattern.compile("(?m)^\\s*client_id:\\s+(\\S+)\\s*$");
    private static final Pattern CLIENT_SECRET = Pattern.compile("(?m)^\\s*client_secret:\\s+(\\S+)\\s*$");

    private FirstStart() {}

    /** {@code CLIENT_ID} and {@code CLIENT_SECRET} from the server's output, or nothing when it printed none. */
    static Map<String, String> credentials(String output) {
        Matcher id = CLIENT_ID.matcher(output);
        Matcher secret = CLIENT_SECRET.matcher(output);
        if (!id.find() || !secret.find()) {
            return Map.of();
        }
        return Map.of("CLIENT_ID", id.group(1), "CLIENT_SECRET", secret.group(1));
    }
}
