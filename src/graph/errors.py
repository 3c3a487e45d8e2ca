"""Errors a user can act on: each names the file and line at fault."""


class PapergraphError(Exception):
    """Base class; the CLI prints str(error) as one line and exits 1."""


class InputError(PapergraphError):
    def __init__(self, source: str, line: int | None, message: str):
        self.source, self.line, self.message = source, line, message
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")


class QueryError(PapergraphError):
    pass


class ServeError(PapergraphError):
    pass
