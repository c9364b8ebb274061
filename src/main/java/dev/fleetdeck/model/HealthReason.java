package dev.fleetdeck.model;

import java.util.Objects;

/**
 * One reason a GPU or node is not OK.
 *
 * @param severity how bad it is
 * @param code     a stable machine-readable code, e.g. {@code gpu-hot}, {@code xid-79}
 * @param message  a one-line human text, e.g. "GPU 3 at 91 °C (limit 87 °C)"
 */
public record HealthReason(Health severity, String code, String message) {
    public HealthReason {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
