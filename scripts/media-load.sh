#!/usr/bin/env bash
# Load time and memory of a library of 200 picture questions (each naming its own PNG, the
# demo pack's 1200×760 maps under 200 names, about 110 KiB each) beside the same 200
# questions without pictures, and the same pictures in one .zip bundle: how long `bigtuna
# packs` takes to read the library (the game's start-up reading: pictures checked by their
# headers, never decoded), and the game's peak memory from start to its title screen (60
# frames under Xvfb, software Vulkan). Each figure is the median of RUNS, the three libraries
# measured in turn, run by run.
#
#   scripts/media-load.sh [--release] [RUNS]   (default 5)
#
# Needs xvfb-run and GNU time (Debian: xvfb, time), and python3 for the pack files. Prints a
# table for docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/measured-game.sh "$@"

# Two pack folders of 200 questions: one naming a picture each, one the same with none.
python3 - "$scratch" quizzes/places-and-voices/media <<'EOF'
import os, shutil, sys
scratch, maps = sys.argv[1], sys.argv[2]
pngs = sorted(f for f in os.listdir(maps) if f.endswith('.png'))
for kind in ('pictures', 'plain'):
    folder = os.path.join(scratch, kind)
    os.makedirs(os.path.join(folder, 'media'))
    questions = []
    for n in range(200):
        media = ''
        if kind == 'pictures':
            name = f'media/map-{n:03}.png'
            shutil.copy(os.path.join(maps, pngs[n % len(pngs)]), os.path.join(folder, name))
            media = f'image: (file: "{name}", alt: "A map with one place starred"),'
        questions.append(
            f'(id: "q{n:03}", prompt: "Which city is starred? ({n})", difficulty: Easy, category: "Places",'
            f' explanation: "It is.", source: "test",'
            f' answer: MultipleChoice(correct: "Scranton", wrong: ["Utica", "Nashua", "Albany"]), {media}),')
    with open(os.path.join(folder, f'{kind}.ron'), 'w') as out:
        out.write(f'Pack(id: "{kind}", title: "{kind}", questions: [\n' + '\n'.join(questions) + '\n])\n')
EOF
"$game" export "$scratch/pictures/pictures.ron" --format zip -o "$scratch/bundle.zip" 2>/dev/null
# Each library read once, unmeasured: the files are then in the page cache for every run.
listed=$(BIGTUNA_PACKS=$scratch/pictures "$game" packs)
[[ $listed == *'"pictures"  200 questions'* ]] || { echo "the 200 picture questions did not load" >&2; exit 1; }
mkdir -p "$scratch/zipped" && mv "$scratch/bundle.zip" "$scratch/zipped/"
du -sk "$scratch/pictures/media" "$scratch/zipped/bundle.zip" | awk '{printf "%s: %.1f MiB\n", $2, $1 / 1024}' >&2

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# read KIND: milliseconds and peak KiB of `bigtuna packs` on that library (GNU time's own
# seconds have two decimals: too coarse here)
read_time() {
    local start end
    start=$(date +%s%N)
    BIGTUNA_PACKS=$scratch/$1 /usr/bin/time -f "%M" -o "$scratch/time" "$game" packs >/dev/null
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 )) $(cat "$scratch/time")"
}
# start KIND: seconds and peak KiB of the game to its 60th frame, with that library
start() {
    BIGTUNA_PACKS=$scratch/$1 xvfb-run -a -s "-screen 0 1280x720x24" /usr/bin/time -f "%e %M" -o "$scratch/time" \
        "$game" play --exit-after-frames 60 >/dev/null 2>&1
    cat "$scratch/time"
}
for kind in plain pictures zipped; do : >"$scratch/$kind.read"; : >"$scratch/$kind.start"; done
for _ in $(seq "$runs"); do
    for kind in plain pictures zipped; do
        read_time "$kind" >>"$scratch/$kind.read"
        start "$kind" >>"$scratch/$kind.start"
    done
done
echo "| library (200 questions) | \`bigtuna packs\` | its peak memory | game to its title, 60 frames | the game's peak memory |"
echo "|---|---|---|---|---|"
for kind in plain pictures zipped; do
    case $kind in
        plain) label="no pictures" ;;
        pictures) label="a picture each, in a folder" ;;
        zipped) label="a picture each, in one .zip bundle" ;;
    esac
    r=$(cut -d' ' -f1 "$scratch/$kind.read" | median)
    rm_=$(cut -d' ' -f2 "$scratch/$kind.read" | median)
    s=$(cut -d' ' -f1 "$scratch/$kind.start" | median)
    sm=$(cut -d' ' -f2 "$scratch/$kind.start" | median)
    printf "| %s | %.0f ms | %.0f MiB | %.2f s | %.0f MiB |\n" "$label" "$r" "$(echo "$rm_ / 1024" | bc -l)" "$s" "$(echo "$sm / 1024" | bc -l)"
done
