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
// (testdata/bareprogram, one line), both started the same way in the same
// pseudo-terminal, with an emulator that answers their terminal queries as
// a person's terminal would. A frame counts when the emulated screen shows
// it whole: for the wizard, the welcome screen exactly as its golden file.

// frameCols and frameRows are the terminal's size, that of the golden.
const frameCols, frameRows = 100, 30

// welcomeGolden is the welcome screen as ui's golden test keeps it.
var welcomeGolden = filepath.Join("..", "..", "ui", "testdata", "TestGoldenScreens", "welcome-100.golden")

// bareLine is what the bare program draws.
const bareLine = "A bare Bubble Tea program: one line."

// bare is the bare program, built once.
var bare struct {
	once sync.Once
	path string
	err  error
}

func bareProgram(tb testing.TB) string {
	tb.Helper()
	bare.once.Do(func() {
		dir := filepath.Dir(builtBinary(tb)) // removed by TestMain
		bare.path = filepath.Join(dir, "bareprogram")
		if out, err := exec.Command("go", "build", "-o", bare.path, "./testdata/bareprogram").CombinedOutput(); err != nil {
			bare.err = fmt.Errorf("go build bareprogram: %v\n%s", err, out)
		}
	})
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
func timeFirstFrame(bin string, framed func(string) bool) (startRun, error) {
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

	cmd := exec.Command(bin)
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

// minPairs is how many paired runs the medians rest on at least.
const minPairs = 20

// BenchmarkStartToFirstFrame starts the wizard and the bare program in
// turn (the order alternating, so load on the machine hits both alike)
// and reports, over the pairs:
//
//	ratio        median of wizard/bare wall time per pair: the number to watch
//	wizard-ms    median time from exec to the complete welcome screen
//	bare-ms      median time from exec to the bare program's line
//	cpu-ratio    median of wizard/bare CPU time (user+system) per pair
//	wizard-cpu-ms, bare-cpu-ms   the CPU times themselves
//	wizard-faults, bare-faults   minor page faults (first touches of memory)
//
// One op is one pair; ns/op is the pair plus the harness. Run:
//
//	go test -run '^$' -bench StartToFirstFrame ./internal/cli
func BenchmarkStartToFirstFrame(b *testing.B) {
	wizard, yardstick := builtBinary(b), bareProgram(b)
	welcome := welcomeFrame(b)
	type pair struct{ wizard, bare startRun }
	runPair := func(i int) pair {
		var p pair
		var err error
		first, second := func() { p.wizard, err = timeFirstFrame(wizard, welcome) }, func() { p.bare, err = timeFirstFrame(yardstick, bareFrame) }
		if i%2 == 1 {
			first, second = second, first
		}
		if first(); err != nil {
			b.Fatal(err)
		}
		if second(); err != nil {
			b.Fatal(err)
		}
		return p
	}
	runPair(0) // warm the page cache for both binaries
	var pairs []pair
	for b.Loop() {
		pairs = append(pairs, runPair(len(pairs)))
	}
	b.StopTimer()
	for len(pairs) < minPairs {
		pairs = append(pairs, runPair(len(pairs)))
	}
	var ratio, cpuRatio []float64
	var wiz, bar, wizCPU, barCPU []time.Duration
	var wizFaults, barFaults []int64
	for _, p := range pairs {
		wizFaults, barFaults = append(wizFaults, p.wizard.faults), append(barFaults, p.bare.faults)
		ratio = append(ratio, float64(p.wizard.wall)/float64(p.bare.wall))
		wiz, bar = append(wiz, p.wizard.wall), append(bar, p.bare.wall)
		if p.bare.cpu > 0 {
			cpuRatio = append(cpuRatio, float64(p.wizard.cpu)/float64(p.bare.cpu))
		}
		wizCPU, barCPU = append(wizCPU, p.wizard.cpu), append(barCPU, p.bare.cpu)
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(median(ratio), "ratio")
	b.ReportMetric(ms(median(wiz)), "wizard-ms")
	b.ReportMetric(ms(median(bar)), "bare-ms")
	if len(cpuRatio) > 0 {
		b.ReportMetric(median(cpuRatio), "cpu-ratio")
	}
	b.ReportMetric(ms(median(wizCPU)), "wizard-cpu-ms")
	b.ReportMetric(ms(median(barCPU)), "bare-cpu-ms")
	b.ReportMetric(float64(median(wizFaults)), "wizard-faults")
	b.ReportMetric(float64(median(barFaults)), "bare-faults")
	b.ReportMetric(float64(len(pairs)), "pairs")
}

// TestTheFirstFrameIsTheGoldenWelcome keeps the benchmark honest: the
// built binary, started as the benchmark starts it, reaches a screen
// identical to the welcome screen's golden file (so a changed welcome
// screen fails here, not as a benchmark that never sees its frame), and
// the bare program its line.
func TestTheFirstFrameIsTheGoldenWelcome(t *testing.T) {
	t.Parallel()
	if _, err := timeFirstFrame(builtBinary(t), welcomeFrame(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := timeFirstFrame(bareProgram(t), bareFrame); err != nil {
		t.Fatal(err)
	}
}
