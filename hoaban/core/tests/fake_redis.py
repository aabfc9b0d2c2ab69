"""A stand-in Redis on a loopback port that either answers (GET and SET from a dict, +OK to
anything else) or, while `silent`, accepts connections and reads commands but never replies,
as a hung Redis does. It counts the commands it receives, so a test can tell that a client
skipped it (a silent one receives only the HELLO a client opens a connection with)."""

import socket
import threading


class FakeRedis:
    def __init__(self, silent: bool = True):
        self.silent = silent
        self.commands: list[str] = []
        self.values: dict[bytes, bytes] = {}
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            self._connections.append(connection)
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket):
        reader = connection.makefile("rb")
        try:
            while command := self._read_command(reader):
                self.commands.append(command[0].decode().upper())
                if not self.silent:
                    connection.sendall(self._reply(command))
        except (OSError, ValueError):
            return

    @staticmethod
    def _read_command(reader) -> list[bytes]:
        header = reader.readline()  # *<count>, then $<length> and the bytes of each part
        if not header:
            return []
        parts = []
        for _ in range(int(header[1:])):
            length = int(reader.readline()[1:])
            parts.append(reader.read(length + 2)[:-2])
        return parts

    def _reply(self, command: list[bytes]) -> bytes:
        name = command[0].upper()
        if name == b"HELLO":  # RESP3, as redis-py asks for: a map with the protocol version
            return b"%1\r\n$5\r\nproto\r\n:3\r\n"
        if name == b"GET":
            value = self.values.get(command[1])
            return b"$-1\r\n" if value is None else b"$%d\r\n%s\r\n" % (len(value), value)
        if name == b"SET":
            self.values[command[1]] = command[2]
        return b"+OK\r\n"

    def close(self):
        self._listener.close()
        for connection in self._connections:
            connection.close()
