package com.perprisk.venue;

import java.util.Optional;

/**
 * Where the app keeps read-only API keys. Keys are never written to a workspace, the settings file, a log or a
 * screenshot; a store says in words where it keeps them, and the UI shows that.
 */
public interface KeyStore {
    /** e.g. "in memory for this session only". */
    String description();

    /** Whether a key survives a restart of the app. */
    boolean persistent();

    Optional<ApiKey> get(Venue venue);

    void put(Venue venue, ApiKey key);

    void remove(Venue venue);
}
