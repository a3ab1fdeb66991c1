#!/usr/bin/env python3
"""The first render of new uploads, for bench.sh: signs in to the desk, then for each JPEG
given fills the rendered new-story form as an editor does (its own fields and values, a
headline, a body, the photo's caption, credit and alt text), attaches the file and asks
for the preview, which decodes the upload, renders and stores its renditions, and shows
it. Prints one line per upload and a last line with p50, p95 and max.

Usage: uploads.py APP_URL USER PASSWORD FILE...
"""
import html.parser
import http.cookiejar
import sys
import time
import urllib.parse
import urllib.request
import uuid


class Form(html.parser.HTMLParser):
    """The form of a page that posts to an address: the fields it would send as they stand."""

    def __init__(self, action):
        super().__init__()
        self.wanted, self.action, self.fields, self.depth, self.select, self.textarea = action, None, [], 0, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'form' and self.action is None and a.get('action') == self.wanted:
            self.action, self.depth = a.get('action'), 1
            return
        if self.depth != 1:
            return
        if tag == 'input' and a.get('name') and a.get('type', 'text') not in ('submit', 'file', 'button'):
            if a.get('type') in ('checkbox', 'radio') and 'checked' not in a:
                return
            self.fields.append([a['name'], a.get('value', ''), a.get('type', 'text')])
        elif tag == 'textarea' and a.get('name'):
            self.textarea = [a['name'], '', 'textarea']
            self.fields.append(self.textarea)
        elif tag == 'select' and a.get('name'):
            self.select = [a['name'], None, 'select']
            self.fields.append(self.select)
        elif tag == 'option' and self.select is not None:
            if self.select[1] is None or 'selected' in a:
                self.select[1] = a.get('value', '')

    def handle_endtag(self, tag):
        if tag == 'form' and self.depth == 1:
            self.depth = 2
        elif tag == 'select':
            self.select = None
        elif tag == 'textarea':
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


TYPED = {'headline': 'Harbour bench upload {n}', 'slugline': 'BENCH-UPLOAD', 'dateline': 'HALVIK',
         'byline': 'By the bench', 'body': 'A paragraph typed for the bench upload {n}.',
         'photoCaption': 'Coloured bands drawn for the bench, upload {n}', 'photoCredit': 'Newswire bench',
         'photoAlt': 'Overlapping coloured ovals on a gradient, drawn for upload {n}'}


def typed(name, n):
    for key, text in TYPED.items():
        if name.lower() == key.lower() or (key.startswith('photo') and name.lower().endswith(key[5:].lower())):
            return text.format(n=n)
    return None


def multipart(fields, file_field, path):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    with open(path, 'rb') as f:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
                     f'filename="{path.rsplit("/", 1)[-1]}"\r\nContent-Type: image/jpeg\r\n\r\n'.encode() + f.read() + b'\r\n')
    parts.append(f'--{boundary}--\r\n'.encode())
    return b''.join(parts), f'multipart/form-data; boundary={boundary}'


def main():
    app, user, password, files = sys.argv[1].rstrip('/'), sys.argv[2], sys.argv[3], sys.argv[4:]
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    login = Form('/desk/login')
    login.feed(opener.open(app + '/desk/login').read().decode())
    fields = [(n, user if n == 'username' else password if n == 'password' else v) for n, v, _ in login.fields]
    opener.open(app + '/desk/login', urllib.parse.urlencode(fields).encode()).read()
    times = []
    for n, path in enumerate(files, 1):
        form = Form('/desk/articles/new')
        form.feed(opener.open(app + '/desk/articles/new').read().decode())
        if form.action is None or not any(name == '_csrf' for name, _, _ in form.fields):
            sys.exit('uploads.py: no new-story form; is the desk account an editor?')
        fields = [(name, typed(name, n) if not value and typed(name, n) else value) for name, value, _ in form.fields]
        fields.append(('action', 'preview'))
        body, content_type = multipart(fields, 'photoFile', path)
        request = urllib.request.Request(urllib.parse.urljoin(app + '/', form.action), body,
                                         {'Content-Type': content_type})
        start = time.monotonic()
        with opener.open(request) as answer:
            page = answer.read().decode()
        took = (time.monotonic() - start) * 1000
        if '/media/' not in page:
            sys.exit(f'uploads.py: the preview of {path} shows no photo (HTTP {answer.status})')
        times.append(took)
        print(f'upload {n}: {took:.0f} ms', flush=True)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f'{len(times)} uploads: p50 {pick(0.5):.0f} ms, p95 {pick(0.95):.0f} ms, max {times[-1]:.0f} ms')


main()
