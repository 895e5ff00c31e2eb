"""What builds data for the runtime but is not part of it: model training, corpus generation,
audits and conformance runners. Not installed with the package; run from the repository root
(see tools/README.md)."""
