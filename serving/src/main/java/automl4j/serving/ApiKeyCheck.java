package automl4j.serving;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.eclipse.jetty.http.HttpFields;

/**
 * Checks the API key a request presents, as {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY}. Both sides
 * are hashed with SHA-256 and the digests compared with {@link MessageDigest#isEqual}: equal lengths, constant time,
 * so neither the key's length nor its first wrong byte shows in the answer's timing.
 */
final class ApiKeyCheck {
    private final byte[] expected;

    ApiKeyCheck(byte[] key) {
        this.expected = sha256(key);
    }

    /** @throws HttpProblem 401 when the request presents no key or a wrong one */
    void require(HttpFields headers) {
        String presented = headers.get("X-API-Key");
        if (presented == null) {
            String auth = headers.get("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                presented = auth.substring(7).trim();
            }
        }
        if (presented == null) {
            throw unauthorized("this server needs an API key: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'");
        }
        if (!MessageDigest.isEqual(expected, sha256(presented.getBytes(StandardCharsets.UTF_8)))) {
            throw unauthorized("the API key is wrong");
        }
    }

    private static HttpProblem unauthorized(String message) {
        return new HttpProblem(401, "unauthorized", message, "WWW-Authenticate", "Bearer realm=\"automl\"");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
