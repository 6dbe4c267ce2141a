package com.perprisk.engine;

/** An input the engine cannot compute with. The message names the problem in a trader's words. */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }
}
