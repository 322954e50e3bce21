"""
Runs a command on a pseudo-terminal (so the CLI sees a TTY on stdin and stderr) and types
keystrokes once the prompt appears. Prints a JSON object: exit status and everything the
terminal showed. Used by test/cli/verify.test.ts to test the echo-off password prompt.
Usage: python3 pty-run.py KEYS_JSON CMD...
"""
import json, os, pty, select, sys, time

keys = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])

out = b""
sent = False
deadline = time.time() + 60
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    if not sent and keys and b"Password:" in out:
        time.sleep(0.2)
        for k in keys:
            os.write(fd, k.encode("utf-8"))
            time.sleep(0.05)
        sent = True
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"status": code, "output": out.decode("utf-8", "replace"), "prompted": sent}))
