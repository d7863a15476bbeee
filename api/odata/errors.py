"""Errors of the OData service, each answered in the OData JSON error format."""


class ODataQueryError(ValueError):
    """A query option the service cannot honour (400); `option` names which one."""

    def __init__(self, option: str, detail: str):
        self.option = option
        self.detail = detail
        super().__init__(f"{option}: {detail}")


class ODataNotAcceptable(ValueError):
    """A format or protocol version the service does not serve (406)."""

    def __init__(self, target: str, detail: str):
        self.target = target
        self.detail = detail
        super().__init__(f"{target}: {detail}")
