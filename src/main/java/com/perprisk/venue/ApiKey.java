package com.perprisk.venue;

import java.util.Map;
import java.util.Objects;

/**
 * A read-only API key, its secret and (OKX) passphrase. Never printed: {@link #toString()} shows only the key's first
 * four characters. Held in memory only; see {@link KeyStore} for where the app keeps it.
 */
public final class ApiKey {
    private final String key;
    private final String secret;
    private final String passphrase;

    public ApiKey(String key, String secret, String passphrase) {
        this.key = Objects.requireNonNull(key, "key").strip();
        this.secret = Objects.requireNonNull(secret, "secret").strip();
        this.passphrase = passphrase == null || passphrase.isBlank() ? null : passphrase.strip();
    }

    public String key() {
        return key;
    }

    String secret() {
        return secret;
    }

    String passphrase() {
        return passphrase;
    }

    public boolean hasPassphrase() {
        return passphrase != null;
    }

    /**
     * The key from environment variables {@code NAME_KEY}, {@code NAME_SECRET} and (OKX) {@code NAME_PASSPHRASE}.
     *
     * @throws IllegalArgumentException naming the variable that is missing
     */
    public static ApiKey fromEnvironment(String name, Map<String, String> env, boolean needsPassphrase) {
        String k = env.get(name + "_KEY");
        String s = env.get(name + "_SECRET");
        String p = env.get(name + "_PASSPHRASE");
        if (k == null || k.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + "_KEY is not set");
        }
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + "_SECRET is not set");
        }
        if (needsPassphrase && (p == null || p.isBlank())) {
            throw new IllegalArgumentException("environment variable " + name
                    + "_PASSPHRASE is not set (OKX keys have a passphrase)");
        }
        return new ApiKey(k, s, p);
    }

    @Override
    public String toString() {
        return "ApiKey[" + (key.length() > 4 ? key.substring(0, 4) : "") + "…]";
    }
}
