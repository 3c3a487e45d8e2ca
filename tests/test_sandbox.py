"""graph.sandbox: a process that took its network away opens no TCP connection, from Python or
from Oxigraph's own (Rust) HTTP client, while Unix sockets keep working."""
import multiprocessing as mp
import socket

import pytest

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Linux only")


def _probe(port, out):
    from graph.sandbox import no_network

    no_network()
    import pyoxigraph as ox

    a, b = socket.socketpair()
    a.send(b"x")
    out.send(("unix", b.recv(1).decode()))
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            socket.socket(family).close()
            out.send((family.name, "opened"))
        except OSError as err:
            out.send((family.name, err.strerror))
    try:
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/p> {{ ?s ?p ?o }} }}"))
        out.send(("SERVICE", "answered"))
    except OSError as err:
        out.send(("SERVICE", str(err)))
    out.send(None)


def test_sandbox_no_network_refuses_sockets_to_python_and_oxigraph():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.setblocking(False)
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_probe, args=(listener.getsockname()[1], child))
    proc.start()
    got = []
    while (msg := parent.recv()) is not None:
        got.append(msg)
    proc.join()
    assert got == [("unix", "x"), ("AF_INET", "Permission denied"),
                   ("AF_INET6", "Permission denied"), ("SERVICE", "Permission denied (os error 13)")]
    with pytest.raises(BlockingIOError):
        listener.accept()
    listener.close()
