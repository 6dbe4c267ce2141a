package com.perprisk.venue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keys held in memory while the app runs and forgotten when it quits. PerpRisk ships no OS-keychain binding: the one
 * library that offers it (java-keyring, through JNA) needs a Secret Service on Linux, and while the keyring is
 * unlocked any process of the user can read the secret there too; a read-only key typed once per session is the
 * smaller risk.
 */
public final class InMemoryKeyStore implements KeyStore {
    private final Map<Venue, ApiKey> keys = new EnumMap<>(Venue.class);

    @Override
    public String description() {
        return "Keys are kept in memory for this session only (never saved)";
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public synchronized Optional<ApiKey> get(Venue venue) {
        return Optional.ofNullable(keys.get(venue));
    }

    @Override
    public synchronized void put(Venue venue, ApiKey key) {
        keys.put(venue, key);
    }

    @Override
    public synchronized void remove(Venue venue) {
        keys.remove(venue);
    }
}
