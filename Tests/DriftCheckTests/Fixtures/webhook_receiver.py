#!/usr/bin/env python3
"""A local webhook receiver for end-to-end tests: records every POST and answers with scripted statuses.

Usage: webhook_receiver.py RECORD_DIR [STATUS ...]
Prints "listening on 127.0.0.1:PORT" once ready. Each request gets the next scripted status (the last one repeats;
200 when none). Each body is written to RECORD_DIR/NNN.body with its path in RECORD_DIR/NNN.path.
"""
import http.server
import os
import sys
import threading

record_dir = sys.argv[1]
statuses = [int(s) for s in sys.argv[2:]] or [200]
lock = threading.Lock()
count = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global count
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        with lock:
            index = count
            count += 1
        with open(os.path.join(record_dir, "%03d.body" % index), "wb") as f:
            f.write(body)
        with open(os.path.join(record_dir, "%03d.path" % index), "w") as f:
            f.write(self.path)
        status = statuses[min(index, len(statuses) - 1)]
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok" if status < 300 else b"error")

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("listening on 127.0.0.1:%d" % server.server_address[1], flush=True)
server.serve_forever()
