"""`manage.py qcluster`: django-q2's cluster, stopped within a bound after SIGTERM.

Replaces django-q2's command of the same name (cms comes first in INSTALLED_APPS). Same
options; the difference is the stop (cms/worker_stop.py): whatever a task is doing, the main
process and every process below it are gone `Q_TIMEOUT` + `Q_STOP_GRACE` seconds after the
first SIGTERM or SIGINT, with exit status 3 when they had to be killed.
"""

import os

from django.conf import settings
from django_q.management.commands import qcluster

from cms.worker_stop import BoundedStop


class Command(qcluster.Command):
    help = (
        "Starts the django-q2 cluster; after SIGTERM every worker is gone within Q_TIMEOUT "
        "+ Q_STOP_GRACE seconds."
    )

    def handle(self, *args, **options):
        from django_q.cluster import Cluster
        from django_q.conf import Conf

        settings.SECRET_KEY  # noqa: B018 (django-q2 signs tasks with it: fail early)
        if options.get("cluster_name"):
            os.environ["Q_CLUSTER_NAME"] = options["cluster_name"]
        cluster = Cluster()
        # The cluster's own timeout (the "mt" cluster has a longer one than the default).
        BoundedStop(cluster, bound=(Conf.TIMEOUT or 0) + settings.Q_STOP_GRACE).install()
        cluster.start()
        if options.get("run_once"):
            cluster.stop()
        # Wait here for the sentinel (django-q2 leaves it to multiprocessing's exit handler),
        # so a signal always finds the main process in one known place.
        while cluster.sentinel.is_alive():
            cluster.sentinel.join(1)
