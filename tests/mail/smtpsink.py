# SPDX-License-Identifier: GPL-3.0-or-later
"""A local SMTP server for the mail tests (aiosmtpd, python3-aiosmtpd), on loopback only.

  smtpsink.py serve FOLDER [--refuse]
      Listens on 127.0.0.1 on a free port and prints "PORT n" once ready. Saves each message it
      accepts as FOLDER/msg-N.eml (and its envelope as msg-N.json); with --refuse answers every
      recipient with 550 and saves nothing. Runs until standard input closes.
  smtpsink.py parse FILE.eml OUTDIR
      Reads a saved message with Python's email package and writes OUTDIR/summary.json (headers,
      the MIME tree, inline images and attachments) with every part's decoded content beside it.
"""
import email
import email.policy
import json
import os
import socket
import sys


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder, refuse):
    from aiosmtpd.controller import Controller

    class Handler:
        count = 0

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if refuse:
                return "550 5.1.1 Mailbox unavailable"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            Handler.count += 1
            base = os.path.join(folder, "msg-%d" % Handler.count)
            with open(base + ".json.part", "w") as f:
                json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
            with open(base + ".eml.part", "wb") as f:
                f.write(envelope.original_content or envelope.content)
            os.rename(base + ".json.part", base + ".json")
            os.rename(base + ".eml.part", base + ".eml")
            return "250 Message accepted"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    print("PORT %d" % port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


def parse(path, outdir):
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    os.makedirs(outdir, exist_ok=True)
    summary = {
        "subject": str(message["Subject"]),
        "from": str(message["From"]),
        "to": str(message["To"]),
        "tree": [],
        "inline": [],
        "attachments": [],
    }

    def walk(part, depth):
        summary["tree"].append("  " * depth + part.get_content_type())
        if part.is_multipart():
            for sub in part.iter_parts():
                walk(sub, depth + 1)
            return
        data = part.get_payload(decode=True)
        kind = part.get_content_type()
        cid = part.get("Content-ID")
        name = part.get_filename()
        if kind == "text/plain" and not name:
            target = "text.txt"
        elif kind == "text/html" and not name:
            target = "body.html"
        elif cid:
            target = "inline-%d" % len(summary["inline"])
            summary["inline"].append(
                {"cid": cid.strip("<>"), "type": kind, "file": target,
                 "disposition": part.get_content_disposition()})
        else:
            target = "attachment-%d" % len(summary["attachments"])
            summary["attachments"].append(
                {"filename": name, "type": kind, "file": target,
                 "disposition": part.get_content_disposition()})
        with open(os.path.join(outdir, target), "wb") as f:
            f.write(data)

    walk(message, 0)
    with open(os.path.join(outdir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "serve":
        serve(sys.argv[2], "--refuse" in sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "parse":
        parse(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
