"""Serve the built site to a classroom: students' browsers on the same network open it.

`python -m classroom.server` (what `make serve` runs) prints the addresses to give students and
a QR code of the first network address. Waitress keeps a large backlog and a pool of threads, so
a class of 60 loading pages at once is not turned away (Python's http.server queues only 5
waiting connections). The server follows the `site` link that `make build` switches
(classroom/build.py), so a rebuild during a lesson is picked up without a failed request; it
bounds how long a client may take to send a request and how many connections one device may
hold, so slow or stuck devices cannot lock the class out; and it prints at most one summary line
a minute about them.

- site.py: the built files as a WSGI app, their gzip copies, and following the `site` link;
- app.py: `create_app`, the whole WSGI stack, composed once, security headers outermost;
- connections.py: Waitress tuned for a classroom (deadlines, a limit per device, notices);
- settings.py: HOST and PORT checked, and bind failures, in plain words;
- announce.py: the addresses students type, and the QR code;
- __main__.py: the command.
"""
