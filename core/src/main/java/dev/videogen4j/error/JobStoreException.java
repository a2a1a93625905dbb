package dev.videogen4j.error;

/**
 * The job store could not be read or written (a database down, a record that already exists). The job itself may
 * be fine: its provider still has it, and its record may be written on a later try.
 *
 * <pre>{@code
 * try { store.insert(record); }
 * catch (JobStoreException e) { log.error("job store unavailable: {}", e.getMessage()); }
 * }</pre>
 */
public class JobStoreException extends VideoGenException {
    private static final long serialVersionUID = 1L;

    public JobStoreException(String message) {
        super(message);
    }

    public JobStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
