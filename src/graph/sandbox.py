"""Taking the network away from a process: the second line of defence of `papergraph serve`.

Oxigraph answers a SPARQL ``SERVICE`` clause by calling the named host itself, with an HTTP
client written in Rust (user-agent "Oxigraph"), not through Python's `socket` module: replacing
`socket.socket` would not stop it. So `no_network()` installs a Linux seccomp filter in the calling
process: from then on the kernel refuses (EACCES) every ``socket()`` of a family other than
AF_UNIX, and ``io_uring_setup`` (whose requests could open sockets without that system call), for
every thread the process has and will have. Sockets already open (a multiprocessing pipe) keep
working. It cannot be undone by the process.
"""
from __future__ import annotations

import ctypes
import errno
import platform
import socket
import struct

# machine -> (AUDIT_ARCH_*, __NR_socket, __NR_io_uring_setup, __NR_seccomp)
_ABI = {"x86_64": (0xC000003E, 41, 425, 317), "aarch64": (0xC00000B7, 198, 425, 277)}

# classic BPF over struct seccomp_data {int nr; u32 arch; u64 ip; u64 args[6]}
_LD_W_ABS, _JEQ_K, _JGE_K, _RET_K = 0x20, 0x15, 0x35, 0x06
_ALLOW, _DENY, _KILL = 0x7FFF0000, 0x00050000 | errno.EACCES, 0x80000000
_X32 = 0x40000000  # x32 system calls share x86_64's AUDIT_ARCH: refused whole


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _filter(arch: int, nr_socket: int, nr_uring: int) -> list[tuple[int, int, int, int]]:
    """(code, jump if true, jump if false, k) instructions; jumps count from the next one."""
    return [
        (_LD_W_ABS, 0, 0, 4), (_JEQ_K, 1, 0, arch), (_RET_K, 0, 0, _KILL),  # another ABI: kill
        (_LD_W_ABS, 0, 0, 0), (_JGE_K, 6, 0, _X32),
        (_JEQ_K, 0, 3, nr_socket),
        (_LD_W_ABS, 0, 0, 16), (_JEQ_K, 2, 0, socket.AF_UNIX), (_RET_K, 0, 0, _DENY),
        (_JEQ_K, 1, 0, nr_uring), (_RET_K, 0, 0, _ALLOW), (_RET_K, 0, 0, _DENY),
    ]


def no_network() -> None:
    """Refuse this process (all its threads) every non-Unix socket from now on; OSError if the
    kernel or the machine does not allow it (not Linux, an unknown architecture, no seccomp)."""
    abi = _ABI.get(platform.machine())
    if platform.system() != "Linux" or abi is None:
        raise OSError(errno.ENOSYS, f"no seccomp filter for {platform.system()} {platform.machine()}")
    arch, nr_socket, nr_uring, nr_seccomp = abi
    prog = _filter(arch, nr_socket, nr_uring)
    code = ctypes.create_string_buffer(b"".join(struct.pack("=HBBI", *i) for i in prog))
    program = _Program(len(prog), ctypes.addressof(code))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS, needed to filter without privileges
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    # seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC): every thread, not only this one
    if libc.syscall(nr_seccomp, 1, 1, ctypes.byref(program)) != 0:
        raise OSError(ctypes.get_errno(), "seccomp(SECCOMP_SET_MODE_FILTER) failed")
