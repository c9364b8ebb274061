/**
 * The Kubernetes adapter on fabric8 informers: GPU nodes, allocation and tenants from pods, joined to other
 * sources' per-GPU metrics. May use model and provider.
 */
package dev.fleetdeck.provider.k8s;
