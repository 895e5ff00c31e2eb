"""The vocabulary layer: what readers, writers and the renderer all need to know about the
values inside a record, one concept per module, each with one home. It knows no file format
(that is converter/mappings and the readers and writers) and imports nothing above the hub
(converter/model.py, converter/errors.py)."""
