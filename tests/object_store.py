"""A local S3 for tests: moto's server on loopback (no network, no credentials), reached by the
URLs chronique accepts (``s3://bucket/key?endpoint_override=127.0.0.1:PORT&scheme=http``)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pyarrow.fs as pafs

# Dummy keys for moto; set before any S3 client starts, inherited by a Ray started afterwards.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "chronique-test", "AWS_SECRET_ACCESS_KEY": "chronique-test",
               "AWS_EC2_METADATA_DISABLED": "true"}


@dataclass(frozen=True)
class LocalS3:
    endpoint: str  # host:port

    def url(self, key: str) -> str:
        return f"s3://{key}?endpoint_override={self.endpoint}&scheme=http&region=us-east-1"

    def fs(self) -> pafs.S3FileSystem:
        return pafs.S3FileSystem(endpoint_override=self.endpoint, scheme="http", region="us-east-1",
                                 access_key=CREDENTIALS["AWS_ACCESS_KEY_ID"],
                                 secret_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"], allow_bucket_creation=True)

    def put(self, key: str, data: bytes) -> None:
        fs = self.fs()
        fs.create_dir(key.split("/", 1)[0])
        with fs.open_output_stream(key, compression=None) as out:  # the bytes as given, even for a .gz key
            out.write(data)


@contextmanager
def local_s3() -> Iterator[LocalS3]:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one access-log line per request otherwise
    saved = {key: os.environ.get(key) for key in CREDENTIALS}
    os.environ.update(CREDENTIALS)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield LocalS3(f"{host}:{port}")
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
