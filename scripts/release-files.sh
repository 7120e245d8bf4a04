#!/usr/bin/env bash
# Writes the files a player of a release has (settings, a saved party with phones, high
# scores, questions seen, a game record, a flag) by playing that release's own binary under
# Xvfb, into OUT. tests/data/release-N/ holds what this wrote for release N, and the test
# suite checks that every later build still loads each of them.
#
#   scripts/release-files.sh BIN DATA OUT
#     BIN   the release's bigtuna binary
#     DATA  that release's checkout (its assets/ and quizzes/)
#     OUT   where to write (emptied first)
set -euo pipefail
bin=$(realpath "$1")
data=$(realpath "$2")
out=$3
rm -rf "$out"
mkdir -p "$out"/{config,saves,games}
out=$(realpath "$out")
export BIGTUNA_DATA="$data" BIGTUNA_CONFIG="$out/config" BIGTUNA_SAVES="$out/saves" BIGTUNA_GAMES="$out/games"
export BIGTUNA_FLAGS="$out/saves/flags.jsonl" BIGTUNA_ROOM=PAMS
play() { xvfb-run -a -s "-screen 0 1280x720x24" "$bin" play "$@" 2>>"$out/log.txt"; }

# A solo game of five: each question answered with 1 (F2 closes what that does not answer),
# flagged on its reveal (its Flag button), and gone on from; the difficulty changed on the way (kept as the
# next game's default in the settings file).
solo="wait:40,enter,wait:5,down,right,wait:2,$(printf 'down,%.0s' {1..7})enter,wait:10"
for _ in 1 2 3 4 5; do solo+=",1,wait:3,f2,wait:8,down,enter,wait:3,up,enter,wait:8"; done
solo+=",wait:10"
# A seed where an answer of 1 scores, so that the game makes the high scores.
for seed in $(seq 40 60); do
    rm -f "$out"/games/* "$out"/saves/*
    play --seed "$seed" --count 5 --script "$solo"
    [[ -s "$out/saves/high-scores.ron" ]] && break
done

# A party with a phone and a keyboard player, cut off (kill -9) at question 2: the saved
# game with its phones' room.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
party="wait:40,sleep:6000,1,wait:5,down,down,enter,wait:5,$(printf 'down,%.0s' {1..10})enter,wait:10"
party+=",2,wait:3,f2,wait:10,enter,wait:10,enter,wait:10,sleep:60000"
xvfb-run -a -s "-screen 0 1280x720x24" "$bin" play --phones --loopback --port "$port" --seed 7 \
    --script "$party" 2>>"$out/log.txt" &
tv=$!
python3 - "$port" <<'EOF'
# A phone: joins as Pam and answers every open question with its first choice.
import base64, json, os, socket, sys, time
port = int(sys.argv[1])
deadline = time.time() + 60
while True:
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2)
        break
    except OSError:
        if time.time() > deadline:
            sys.exit("the game never listened")
        time.sleep(0.3)
key = base64.b64encode(os.urandom(16)).decode()
s.sendall((f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
head = b""
while b"\r\n\r\n" not in head:
    head += s.recv(1)
def send(obj):
    data, mask = json.dumps(obj).encode(), os.urandom(4)
    size = len(data)
    header = bytes([0x81, 0x80 | size]) if size < 126 else bytes([0x81, 0xFE]) + size.to_bytes(2, "big")
    s.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
def recv():
    def exact(n):
        buf = b""
        while len(buf) < n:
            chunk = s.recv(n - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
        return buf
    first, size = exact(2)
    size &= 0x7F
    if size == 126:
        size = int.from_bytes(exact(2), "big")
    elif size == 127:
        size = int.from_bytes(exact(8), "big")
    payload = exact(size)
    return json.loads(payload) if first & 0x0F == 1 else None
send({"type": "join", "room": "PAMS", "name": "Pam"})
s.settimeout(90)
answered = set()
try:
    while True:
        m = recv()
        if m and m.get("type") == "question" and m.get("turn") == "answer" and m["question"] not in answered:
            answered.add(m["question"])
            answer = {"kind": "option", "index": 0} if m["shape"] == "options" else {"kind": "pass"}
            send({"type": "answer", "question": m["question"], "answer": answer})
        if len(answered) >= 2:
            time.sleep(2)
            break
except (EOFError, OSError):
    pass
EOF
sleep 3
# The power goes: the game dies at once (xvfb-run then ends its display).
pkill -9 -f -- "^$bin play --phones --loopback --port $port" || true
wait "$tv" 2>/dev/null || true
ls -R "$out"
