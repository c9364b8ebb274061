/**
 * The YAML configuration: composing and binding it with file:line:column errors, secret references, the settings
 * dialog's option forms and the comment-preserving edit, and the file watcher for hot reload. May use model and
 * provider (the registry and factories); no JavaFX.
 */
package dev.fleetdeck.config;
