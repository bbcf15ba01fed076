"""The engine: runs the stages over many documents.

- ``batches``: groups documents into batches and extracts them in a local process pool;
- ``dask``: the same on a Dask cluster (``pip install 'aid-ledger[dask]'``);
- ``partitions``: the parts of the inputs the Dask tasks read, each only its own bytes;
- ``limits``: keeps hostile input within the work of a real article;
- ``job``: the main job, inputs → store → reports.

Nothing is imported here, so ``import ledger`` stays light; import the module you need.
"""
