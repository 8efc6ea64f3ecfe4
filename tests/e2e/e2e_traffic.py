"""What a page and its kernel say to each other on the ``/channels`` websocket, decoded."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import WebSocket


@dataclass
class KernelMessage:
    """One decoded message from the kernel websocket."""

    channel: str
    msg_type: str
    parent_type: str
    content: dict[str, Any]


def decode_frame(frame: str | bytes) -> KernelMessage | None:
    """Decode a ``/channels`` frame (JSON text, or the binary v1 protocol of Jupyter Server)."""
    try:
        if isinstance(frame, str):
            message = json.loads(frame)
            return KernelMessage(
                message.get("channel", ""),
                message.get("header", {}).get("msg_type", ""),
                message.get("parent_header", {}).get("msg_type", ""),
                message.get("content", {}),
            )
        count = int.from_bytes(frame[:8], "little")
        offsets = [int.from_bytes(frame[8 + 8 * i : 16 + 8 * i], "little") for i in range(count)]
        parts = [frame[offsets[i] : offsets[i + 1]] for i in range(count - 1)]
        channel, header, parent, _metadata, content = parts[:5]
        return KernelMessage(
            channel.decode(),
            json.loads(header).get("msg_type", ""),
            json.loads(parent).get("msg_type", "") if parent.strip() else "",
            json.loads(content) if content.strip() else {},
        )
    except (ValueError, IndexError, AttributeError, UnicodeDecodeError):
        return None


@dataclass
class KernelTraffic:
    """Every message the page received from its kernel, in order (and what it sent)."""

    messages: list[KernelMessage] = field(default_factory=list)
    sent: list[KernelMessage] = field(default_factory=list)

    def attach(self, socket_: WebSocket) -> None:
        """Record frames of a kernel ``/channels`` socket (other sockets are ignored)."""
        if "/channels" not in socket_.url:
            return

        def received(frame: str | bytes) -> None:
            message = decode_frame(frame)
            if message is not None:
                self.messages.append(message)

        def sent(frame: str | bytes) -> None:
            message = decode_frame(frame)
            if message is not None:
                self.sent.append(message)

        socket_.on("framereceived", received)
        socket_.on("framesent", sent)

    def count(self, msg_type: str, since: int = 0) -> int:
        """Messages of ``msg_type`` received after position ``since``."""
        return sum(m.msg_type == msg_type for m in self.messages[since:])

    def widget_updates_sent(self, key: str) -> int:
        """Widget state updates the page sent to the kernel that set ``key``."""
        return sum(
            m.msg_type == "comm_msg"
            and m.content.get("data", {}).get("method") == "update"
            and key in m.content["data"].get("state", {})
            for m in self.sent
        )

    def errors(self, since: int = 0) -> list[str]:
        """``ename: evalue`` of every ``error`` message (a cell raised) after ``since``."""
        return [
            f"{m.content.get('ename')}: {m.content.get('evalue')}"
            for m in self.messages[since:]
            if m.msg_type == "error"
        ]
