"""File storage that leaves nothing behind when the disk refuses a write.

Django's FileSystemStorage keeps the partly written file when the disk fills up mid-write;
this one removes it and re-raises, so the request fails cleanly (see
`cms.middleware.StorageErrorMiddleware`) and no orphan file remains.
"""

import errno
import os

from django.core.files.storage import FileSystemStorage

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
