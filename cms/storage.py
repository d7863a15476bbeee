"""File storage that leaves nothing behind when the disk refuses a write.

Django's FileSystemStorage keeps the partly written file when the disk fills up mid-write;
this one removes it and re-raises, so the request fails cleanly (see
`cms.middleware.StorageErrorMiddleware`) and no orphan file remains.
"""

import errno
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject

# Errors that mean "this server cannot store files right now", not a bug in the request.
STORAGE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EIO})


def is_storage_error(exception: BaseException) -> bool:
    return isinstance(exception, OSError) and exception.errno in STORAGE_ERRNOS


class SafeFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        existed = os.path.exists(full_path)
        try:
            return super()._save(name, content)
        except OSError:
            if not existed and os.path.exists(full_path):
                os.remove(full_path)
            raise


class PrivateStorage(LazyObject):
    """Files under PRIVATE_MEDIA_ROOT: never below MEDIA_ROOT, never given a public URL.
    Lazy, so tests that move PRIVATE_MEDIA_ROOT are followed."""

    def _setup(self):
        self._wrapped = SafeFileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = PrivateStorage()


def private_storage_get():
    # A callable keeps the machine's data path out of migrations.
    return private_storage
