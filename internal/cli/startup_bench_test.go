//go:build linux || darwin || freebsd

package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// The start-up yardstick: the wizard against a bare Bubble Tea v2 program
// (testdata/bareprogram, one line), all started the same way in the same
// pseudo-terminal, with an emulator that answers their terminal queries as
// a person's terminal would. A frame counts when the emulated screen shows
// it whole: for the wizard, the welcome screen exactly as its golden file.

// frameCols and frameRows are the terminal's size, that of the golden.
const frameCols, frameRows = 100, 30

// welcomeGolden is the welcome screen as ui's golden test keeps it.
var welcomeGolden = filepath.Join("..", "..", "ui", "testdata", "TestGoldenScreens", "welcome-100.golden")

// bareLine is what the bare program draws.
const bareLine = "A bare Bubble Tea program: one line."

// bare is the bare program, built once, as TestMain starts: beside the
// binary, in the folder TestMain removes.
var bare struct {
	once sync.Once
	path string
	err  error
}

func init() { earlyBuilds = append(earlyBuilds, buildBare) }

func buildBare() {
	bare.once.Do(func() { bare.path, bare.err = buildProgram("bareprogram", "./testdata/bareprogram") })
}

func bareProgram(tb testing.TB) string {
	tb.Helper()
	buildBare()
	if bare.err != nil {
		tb.Fatal(bare.err)
	}
	return bare.path
}

// screenLines is a screen as lines without trailing blanks, and without
// the blank lines at its end.
func screenLines(s string) []string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// welcomeFrame reports whether a screen is the complete welcome screen.
func welcomeFrame(tb testing.TB) func(screen string) bool {
	tb.Helper()
	raw, err := os.ReadFile(welcomeGolden)
	if err != nil {
		tb.Fatal(err)
	}
	want := screenLines(string(raw))
	if len(want) < 20 || !strings.Contains(want[len(want)-1], "more keys") {
		tb.Fatalf("%s is not the welcome screen down to its help bar:\n%s", welcomeGolden, raw)
	}
	return func(screen string) bool { return slices.Equal(screenLines(screen), want) }
}

// bareFrame reports whether a screen shows the bare program's line.
func bareFrame(screen string) bool { return strings.Contains(screen, bareLine) }

// startRun is one start of a program until its first full frame.
type startRun struct {
	wall   time.Duration // from starting the process to the frame on screen
	cpu    time.Duration // user+system time of the process, which is killed at the frame
	faults int64         // its minor page faults (memory touched for the first time)
}

// timeFirstFrame starts bin in a fresh pseudo-terminal and measures until
// the emulated screen passes framed. The program is killed then, so its
// CPU time is what it spent getting there (and the few answers to its
// queries in flight).
func timeFirstFrame(bin string, args []string, framed func(string) bool) (startRun, error) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		return startRun{}, err
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: frameCols, Rows: frameRows}); err != nil {
		tty.Close()
		return startRun{}, err
	}
	emu := vt.NewEmulator(frameCols, frameRows)
	go func() { // the terminal's answers to queries, back as input
		buf := make([]byte, 4096)
		for {
			n, err := emu.Read(buf)
			if n > 0 {
				ptmx.Write(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	defer func() {
		// Ends the goroutine above (Emulator.Close would race with its read).
		if pw, ok := emu.InputPipe().(io.Closer); ok {
			pw.Close()
		}
	}()

	cmd := exec.Command(bin, args...)
	cmd.Env = []string{"TERM=xterm-256color", "HOME=" + os.TempDir(), "LANG=C.UTF-8"}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		tty.Close()
		return startRun{}, err
	}
	// The program holds the terminal now; once it ends, reads here end (EIO).
	tty.Close()
	stuck := time.AfterFunc(e2eWait, func() { cmd.Process.Kill() })
	defer stuck.Stop()

	var run startRun
	buf := make([]byte, 32<<10)
	for {
		n, err := ptmx.Read(buf)
		if n > 0 {
			emu.Write(buf[:n])
			if framed(emu.String()) {
				run.wall = time.Since(start)
				break
			}
		}
		if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return startRun{}, fmt.Errorf("no full frame within %s (%v); the screen shows:\n%s", e2eWait, err, emu.String())
		}
	}
	cmd.Process.Kill()
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		return startRun{}, fmt.Errorf("the program ended on its own (%v) instead of being killed", err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		run.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		run.faults = ru.Minflt
	}
	return run, nil
}

// median of a non-empty list.
func median[T int64 | float64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// minRounds is how many rounds the medians rest on at least.
const minRounds = 20

// BenchmarkStartToFirstFrame starts, in each round, the wizard, the bare
// program and the bare program showing the welcome screen's text (the
// order rotating, so that load on the machine hits all alike), and
// reports over the rounds:
//
//	ratio          median of wizard/bare wall time per round: the number to watch
//	wizard-ms      median time from exec to the complete welcome screen
//	bare-ms        median time from exec to the bare program's line
//	screen-ms      median time from exec to the bare program's full screen of the same text
//	screen-ratio   median of wizard/screen per round: what the wizard adds to drawing that screen
//	cpu-ratio      median of wizard/bare CPU time (user+system) per round
//	*-cpu-ms       the CPU times themselves
//	*-faults       minor page faults (memory touched for the first time)
//
// One op is one round; ns/op is the round plus the harness. Run:
//
//	go test -run '^$' -bench StartToFirstFrame ./internal/cli
func BenchmarkStartToFirstFrame(b *testing.B) {
	wizard, yardstick := builtBinary(b), bareProgram(b)
	welcome := welcomeFrame(b)
	golden, err := filepath.Abs(welcomeGolden)
	if err != nil {
		b.Fatal(err)
	}
	type program struct {
		bin    string
		args   []string
		framed func(string) bool
	}
	programs := [...]program{{wizard, nil, welcome}, {yardstick, nil, bareFrame}, {yardstick, []string{golden}, welcome}}
	const wiz, bar, scr = 0, 1, 2
	runRound := func(i int) [3]startRun {
		var round [3]startRun
		for k := range programs {
			j := (i + k) % len(programs)
			p := programs[j]
			run, err := timeFirstFrame(p.bin, p.args, p.framed)
			if err != nil {
				b.Fatal(err)
			}
			round[j] = run
		}
		return round
	}
	runRound(0) // warm the page cache for both binaries
	var rounds [][3]startRun
	for b.Loop() {
		rounds = append(rounds, runRound(len(rounds)))
	}
	b.StopTimer()
	for len(rounds) < minRounds {
		rounds = append(rounds, runRound(len(rounds)))
	}
	var ratio, screenRatio, cpuRatio []float64
	var wall, cpu [3][]time.Duration
	var faults [3][]int64
	for _, r := range rounds {
		ratio = append(ratio, float64(r[wiz].wall)/float64(r[bar].wall))
		screenRatio = append(screenRatio, float64(r[wiz].wall)/float64(r[scr].wall))
		if r[bar].cpu > 0 {
			cpuRatio = append(cpuRatio, float64(r[wiz].cpu)/float64(r[bar].cpu))
		}
		for j := range r {
			wall[j] = append(wall[j], r[j].wall)
			cpu[j] = append(cpu[j], r[j].cpu)
			faults[j] = append(faults[j], r[j].faults)
		}
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(median(ratio), "ratio")
	b.ReportMetric(median(screenRatio), "screen-ratio")
	if len(cpuRatio) > 0 {
		b.ReportMetric(median(cpuRatio), "cpu-ratio")
	}
	for j, name := range [...]string{"wizard", "bare", "screen"} {
		b.ReportMetric(ms(median(wall[j])), name+"-ms")
		b.ReportMetric(ms(median(cpu[j])), name+"-cpu-ms")
		b.ReportMetric(float64(median(faults[j])), name+"-faults")
	}
	b.ReportMetric(float64(len(rounds)), "rounds")
}

// TestTheFirstFrameIsTheGoldenWelcome keeps the benchmark honest: the
// built binary, started as the benchmark starts it, reaches a screen
// identical to the welcome screen's golden file (so a changed welcome
// screen fails here, not as a benchmark that never sees its frame), and
// the bare program its line and, given that file, the same screen.
func TestTheFirstFrameIsTheGoldenWelcome(t *testing.T) {
	t.Parallel()
	if _, err := timeFirstFrame(builtBinary(t), nil, welcomeFrame(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := timeFirstFrame(bareProgram(t), nil, bareFrame); err != nil {
		t.Fatal(err)
	}
	golden, err := filepath.Abs(welcomeGolden)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := timeFirstFrame(bareProgram(t), []string{golden}, welcomeFrame(t)); err != nil {
		t.Fatal(err)
	}
}
