"""Inside a worker process: the kernel manager and papermill engine the worker runs with.

Three things papermill does not offer out of the box:

* **A memory limit for the kernel only.** :class:`LimitedKernelManager` starts the kernel
  through a tiny launcher (``python -I -S -c …``) that lowers ``RLIMIT_AS`` (soft *and* hard
  limit, so an unprivileged kernel cannot raise it again) and then ``exec``\\ s the real kernel
  command; rlimits survive ``exec``, so the kernel and everything it starts inherit the limit,
  while the worker process itself stays unlimited. ``RLIMIT_AS`` counts address space, not
  resident memory: a course kernel with pandas, matplotlib and ipywidgets reserves ~0,5 GB, so
  limits below ~1 GB stop the kernel from starting. Without the ``resource`` module (Windows)
  no limit is set. This guards against runaway code; it is not a security sandbox.
* **A timeout for the whole notebook.** :func:`kill_kernel` kills the kernel's process group
  (the kernel is started in its own session); nbclient notices within a second and raises
  ``DeadKernelError``, which the worker reports as a timeout.
* **The notebook even when execution fails.** :class:`KeepingEngine` keeps papermill's
  notebook manager, so the worker can write the partly executed notebook itself (papermill's
  own saving after every cell is switched off: it validates the whole notebook each time and
  cost ~3 s per chapter notebook, and its final serialisation is skipped too, see
  :func:`register_engine`).

All state is per worker process: a worker runs one notebook at a time.
"""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import dataclass
from typing import IO, Any

from jupyter_client.manager import AsyncKernelManager
from papermill.engines import NBClientEngine, papermill_engines

ENGINE_NAME = "salesbook"

_LIMIT_LAUNCHER = (
    "import os, resource, sys\n"
    "limit = int(sys.argv[1])\n"
    "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
    "os.execv(sys.argv[2], sys.argv[2:])\n"
)


def memory_limit_supported() -> bool:
    """True where a kernel memory limit can be set (POSIX with the ``resource`` module)."""
    try:
        import resource  # noqa: F401
    except ImportError:  # pragma: no cover - Windows
        return False
    return hasattr(os, "execv")


@dataclass
class KernelState:
    """What the current task asks of its kernel, and what the worker learns about it.

    Attributes:
        memory_bytes: address-space limit for the kernel, or None.
        stderr: file that receives the kernel's own stderr (log lines, crash messages).
        pid: process id of the running kernel (set once it is started).
        pgid: its process group (the kernel runs in its own session).
        nb_man: papermill's notebook manager of the current run.
    """

    memory_bytes: int | None = None
    stderr: IO[bytes] | None = None
    pid: int | None = None
    pgid: int | None = None
    nb_man: Any = None


STATE = KernelState()


def reset_state(memory_bytes: int | None, stderr: IO[bytes] | None) -> KernelState:
    """Start a new task: forget the previous kernel and notebook."""
    global STATE
    STATE = KernelState(memory_bytes=memory_bytes, stderr=stderr)
    return STATE


class LimitedKernelManager(AsyncKernelManager):
    """An ``AsyncKernelManager`` that applies :data:`STATE` to the kernel it starts."""

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        """The kernel command, behind the memory-limit launcher when a limit is asked."""
        command = super().format_kernel_cmd(extra_arguments)
        if STATE.memory_bytes and memory_limit_supported():
            launcher = [sys.executable, "-I", "-S", "-c", _LIMIT_LAUNCHER]
            return [*launcher, str(STATE.memory_bytes), *command]
        return command

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        if STATE.stderr is not None:
            kw["stderr"] = STATE.stderr
        await super()._async_launch_kernel(kernel_cmd, **kw)
        STATE.pid = getattr(self.provisioner, "pid", None)
        STATE.pgid = getattr(self.provisioner, "pgid", None)


class KeepingEngine(NBClientEngine):
    """papermill's nbclient engine that remembers the notebook manager of the run."""

    @classmethod
    def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, **kwargs: Any) -> Any:
        """Remember ``nb_man`` in :data:`STATE`, then execute as papermill does."""
        STATE.nb_man = nb_man
        return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)


def register_engine() -> None:
    """Make ``engine_name="salesbook"`` available to papermill in this process.

    Also stops papermill from serialising the notebook when there is nowhere to write it:
    with ``output_path=None`` it still runs ``nbformat.writes`` (with validation) at the
    end, ~0,2 s per chapter notebook, only to throw the text away. The worker writes the
    notebook itself.
    """
    import papermill.execute as execute

    papermill_engines.register(ENGINE_NAME, KeepingEngine)
    original = execute.write_ipynb
    if getattr(original, "salesbook_skips_none", False):
        return

    def write_ipynb(nb: Any, path: Any) -> None:
        if path is not None:
            original(nb, path)

    write_ipynb.salesbook_skips_none = True  # type: ignore[attr-defined]
    execute.write_ipynb = write_ipynb


def kill_kernel() -> bool:
    """Kill the running kernel and its children; True if there was one to kill."""
    state = STATE
    try:
        if state.pgid and hasattr(os, "killpg") and state.pgid != os.getpgid(0):
            os.killpg(state.pgid, signal.SIGKILL)
            return True
        if state.pid:
            os.kill(state.pid, getattr(signal, "SIGKILL", signal.SIGTERM))
            return True
    except (ProcessLookupError, PermissionError, OSError):
        return False
    return False
