//go:build linux || darwin || freebsd

package cli

// Shared by pty_e2e_test.go and canary_e2e_test.go: the built binary (binary_test.go, or
// this test binary as a helper process) in a pseudo-terminal, with a
// terminal emulator reading the screen and answering the program's
// terminal queries, the way a person's terminal would.

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/termios"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"matomo-onboard/matomo"
)

// e2eWait bounds every wait for the screen or the program's end. The
// tests poll, so a fast machine never waits this long.
const e2eWait = 10 * time.Second

// ptyTerm is a program running in a pseudo-terminal with an emulator
// reading what it draws.
type ptyTerm struct {
	t    *testing.T
	ptmx *os.File // the terminal's side
	tty  *os.File // the program's side, kept open to read its modes afterwards
	cmd  *exec.Cmd

	mu  sync.Mutex // guards emu and raw
	emu *vt.Emulator
	raw bytes.Buffer

	wmu sync.Mutex // one writer at a time into the terminal's input

	exited  chan struct{}
	waitErr error
	// before are the terminal's modes before the program started.
	before *unix.Termios
}

// startPty starts cmd with a pseudo-terminal of cols×rows as its
// controlling terminal and standard streams.
func startPty(t *testing.T, cmd *exec.Cmd, cols, rows int) *ptyTerm {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		t.Fatal(err)
	}
	before, err := termios.GetTermios(int(tty.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	// Its own session with the pty as controlling terminal: the kernel
	// then sends it SIGWINCH on a resize, as a terminal window does.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	p := &ptyTerm{t: t, ptmx: ptmx, tty: tty, cmd: cmd, emu: vt.NewEmulator(cols, rows),
		exited: make(chan struct{}), before: before}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	readerDone := make(chan struct{})
	go func() { // what the program prints, into the emulator
		defer close(readerDone)
		buf := make([]byte, 32<<10)
		for {
			n, err := ptmx.Read(buf)
			if n > 0 {
				p.mu.Lock()
				p.raw.Write(buf[:n])
				p.emu.Write(buf[:n])
				p.mu.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	go func() { // the emulator's answers to terminal queries, back as input
		buf := make([]byte, 4096)
		for {
			n, err := p.emu.Read(buf)
			if n > 0 {
				p.write(string(buf[:n]))
			}
			if err != nil {
				return
			}
		}
	}()
	go func() {
		p.waitErr = cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			_ = cmd.Process.Kill()
			<-p.exited
		}
		// With the last descriptor of the program's side closed, reading
		// the terminal's side ends (EIO), and with it the reader.
		tty.Close()
		select {
		case <-readerDone:
		case <-time.After(2 * time.Second):
		}
		ptmx.Close()
		// End the goroutine reading the emulator's answers. Emulator.Close
		// would race with that very read (vt v0.1.0 sets a flag without a
		// lock); closing the pipe under it ends the read cleanly.
		if pw, ok := p.emu.InputPipe().(io.Closer); ok {
			pw.Close()
		}
	})
	return p
}

// write types into the terminal. Errors are ignored: the program may
// have ended, which the test notices otherwise.
func (p *ptyTerm) write(s string) {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	_, _ = io.WriteString(p.ptmx, s)
}

// keyBytes is what a terminal sends for a key.
var keyBytes = map[string]string{
	"enter": "\r", "esc": "\x1b", "tab": "\t", "ctrl+c": "\x03", "ctrl+u": "\x15",
	"down": "\x1b[B", "up": "\x1b[A", "right": "\x1b[C", "left": "\x1b[D",
}

// press types keys one after another, named (enter, esc, ctrl+c, …) or as
// plain text.
func (p *ptyTerm) press(keys ...string) {
	for _, k := range keys {
		if b, ok := keyBytes[k]; ok {
			k = b
		}
		p.write(k)
		// A lone Esc is told apart from the start of a sequence by time.
		if k == "\x1b" {
			time.Sleep(60 * time.Millisecond)
		}
	}
}

// paste pastes text the way a terminal does once the program asked for
// bracketed paste: framed by ESC[200~ and ESC[201~.
func (p *ptyTerm) paste(text string) {
	p.t.Helper()
	p.waitRaw(ansi.SetModeBracketedPaste)
	p.write(ansi.BracketedPasteStart + text + ansi.BracketedPasteEnd)
}

// screen is what the terminal shows now.
func (p *ptyTerm) screen() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.emu.String()
}

// rawOutput is every byte the program wrote to the terminal so far.
func (p *ptyTerm) rawOutput() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.raw.String()
}

func (p *ptyTerm) rawLen() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.raw.Len()
}

func (p *ptyTerm) altScreen() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.emu.IsAltScreen()
}

func (p *ptyTerm) cursorHidden() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.emu.CursorHidden()
}

// resize changes the terminal's size as a person dragging the window
// does: the emulator first, then the kernel, which signals the program.
func (p *ptyTerm) resize(cols, rows int) {
	p.t.Helper()
	p.mu.Lock()
	p.emu.Resize(cols, rows)
	p.mu.Unlock()
	if err := pty.Setsize(p.ptmx, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		p.t.Fatal(err)
	}
}

// waitFor waits until the screen shows every part (white space folded).
func (p *ptyTerm) waitFor(parts ...string) {
	p.t.Helper()
	p.waitUntil(func(screen string) string {
		s := flatText(screen)
		for _, part := range parts {
			if !strings.Contains(s, flatText(part)) {
				return fmt.Sprintf("the screen never showed %q", part)
			}
		}
		return ""
	})
}

// waitUntil polls the screen until check returns "" (or fails the test
// with what check last said).
func (p *ptyTerm) waitUntil(check func(screen string) string) {
	p.t.Helper()
	deadline := time.Now().Add(e2eWait)
	for {
		screen := p.screen()
		why := check(screen)
		if why == "" {
			return
		}
		select {
		case <-p.exited:
			// Let the last output arrive, then judge once more.
			time.Sleep(50 * time.Millisecond)
			if screen = p.screen(); check(screen) == "" {
				return
			}
			p.t.Fatalf("%s; the program ended (%v). Screen:\n%s", why, p.waitErr, screen)
		default:
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("%s within %s. Screen:\n%s", why, e2eWait, screen)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitRaw waits until the raw output holds seq.
func (p *ptyTerm) waitRaw(seq string) {
	p.t.Helper()
	deadline := time.Now().Add(e2eWait)
	for !strings.Contains(p.rawOutput(), seq) {
		if time.Now().After(deadline) {
			p.t.Fatalf("the program never wrote %q", seq)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// exitCode waits for the program to end and returns its exit code.
func (p *ptyTerm) exitCode() int {
	p.t.Helper()
	select {
	case <-p.exited:
	case <-time.After(e2eWait):
		p.t.Fatalf("the program did not end within %s. Screen:\n%s", e2eWait, p.screen())
	}
	// The pty may still hold the program's last words.
	p.settle()
	var ee *exec.ExitError
	if errors.As(p.waitErr, &ee) {
		return ee.ExitCode()
	}
	if p.waitErr != nil {
		p.t.Fatal(p.waitErr)
	}
	return 0
}

// settle waits until the output stops growing for a moment.
func (p *ptyTerm) settle() {
	last := -1
	for i := 0; i < 100; i++ {
		n := p.rawLen()
		if n == last {
			return
		}
		last = n
		time.Sleep(30 * time.Millisecond)
	}
}

// modesRestored reads the terminal's modes now, compares them with the
// modes before the program started, and names what differs.
func (p *ptyTerm) modesRestored() []string {
	p.t.Helper()
	after, err := termios.GetTermios(int(p.tty.Fd()))
	if err != nil {
		p.t.Fatal(err)
	}
	var diffs []string
	flag := func(name string, was, is bool) {
		if was != is {
			diffs = append(diffs, fmt.Sprintf("%s was %v, is %v", name, was, is))
		}
	}
	b, a := p.before, after
	flag("ECHO", b.Lflag&unix.ECHO != 0, a.Lflag&unix.ECHO != 0)
	flag("ICANON (line editing)", b.Lflag&unix.ICANON != 0, a.Lflag&unix.ICANON != 0)
	flag("ISIG (ctrl+c sends SIGINT)", b.Lflag&unix.ISIG != 0, a.Lflag&unix.ISIG != 0)
	flag("ICRNL", b.Iflag&unix.ICRNL != 0, a.Iflag&unix.ICRNL != 0)
	flag("IXON", b.Iflag&unix.IXON != 0, a.Iflag&unix.IXON != 0)
	flag("OPOST", b.Oflag&unix.OPOST != 0, a.Oflag&unix.OPOST != 0)
	if len(diffs) == 0 && *b != *a {
		diffs = append(diffs, fmt.Sprintf("other termios fields differ: before %+v, after %+v", *b, *a))
	}
	return diffs
}

// assertTerminalAsBefore checks, after the program ended, that the
// terminal is usable as before: the same modes, the normal screen, a
// visible cursor, and typing echoes again.
func (p *ptyTerm) assertTerminalAsBefore() {
	p.t.Helper()
	for _, d := range p.modesRestored() {
		p.t.Errorf("terminal mode not restored: %s", d)
	}
	if p.altScreen() {
		p.t.Error("the terminal was left on the alternate screen")
	}
	if p.cursorHidden() {
		p.t.Error("the cursor was left hidden")
	}
	if raw := p.rawOutput(); strings.Count(raw, ansi.SetModeBracketedPaste) > strings.Count(raw, ansi.ResetModeBracketedPaste) {
		p.t.Error("bracketed paste was left on")
	}
	// As a person notices: what they type shows again.
	probe := "typed-after-exit"
	p.write(probe)
	p.waitFor(probe)
}

// newHexCanary is a fresh random token of Matomo's shape.
func newHexCanary(t *testing.T) string {
	t.Helper()
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// newOddCanary is a fresh random token of another shape (Matomo for
// WordPress's user:app-password), with characters that need escaping in
// a form body or URL.
func newOddCanary(t *testing.T) string {
	t.Helper()
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "canary:" + base64.StdEncoding.EncodeToString(b) + "+q/z"
}

// canaryForms are the spellings under which a token could leak: as is,
// in either case, escaped for a URL or form, and base64-encoded (as a
// clipboard sequence carries it).
func canaryForms(canary string) []string {
	forms := []string{canary, strings.ToLower(canary), strings.ToUpper(canary),
		url.QueryEscape(canary), url.PathEscape(canary),
		base64.StdEncoding.EncodeToString([]byte(canary)), base64.URLEncoding.EncodeToString([]byte(canary))}
	// Base64 inside a longer text depends on the alignment; the middle of
	// each alignment is specific enough.
	for pad := 1; pad <= 2; pad++ {
		enc := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("x", pad) + canary))
		forms = append(forms, enc[4:len(enc)-4])
	}
	return forms
}

// leakIn returns the spelling of canary that s contains, or "".
func leakIn(s, canary string) string {
	for _, f := range canaryForms(canary) {
		if strings.Contains(s, f) {
			return f
		}
	}
	return ""
}

// osc52 is one clipboard sequence the program wrote: where, and the text
// it puts into the clipboard.
type osc52 struct {
	start, end int
	text       string
}

// clipboardWrites finds every OSC 52 sequence in raw terminal output and
// decodes its payload.
func clipboardWrites(raw string) []osc52 {
	var out []osc52
	for from := 0; ; {
		i := strings.Index(raw[from:], "\x1b]52;")
		if i < 0 {
			return out
		}
		start := from + i
		body := raw[start+len("\x1b]52;"):]
		end := strings.IndexAny(body, "\x07\x1b")
		if end < 0 {
			return append(out, osc52{start: start, end: len(raw), text: "(unterminated)"})
		}
		payload := body[:end]
		if _, data, ok := strings.Cut(payload, ";"); ok {
			payload = data
		}
		text, err := base64.StdEncoding.DecodeString(payload)
		if err != nil {
			text = []byte(payload)
		}
		stop := start + len("\x1b]52;") + end + 1
		if body[end] == '\x1b' {
			stop++ // ESC \
		}
		out = append(out, osc52{start: start, end: stop, text: string(text)})
		from = stop
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func matomoAddr(t *testing.T, raw string) matomo.Address {
	t.Helper()
	a, err := matomo.ParseAddress(raw)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
