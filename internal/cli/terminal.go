package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"

	"matomo-onboard/matomo"
)

// errReadCanceled is returned when Ctrl+C (or SIGTERM) ends a hidden
// prompt.
var errReadCanceled = errors.New("canceled while reading the token")

// maxHiddenLine bounds a hidden line; a token is 32 characters.
const maxHiddenLine = 64 << 10

// readHidden shows prompt on out and reads a line from the terminal f
// without echo.
//
// The terminal goes into raw mode before the prompt appears, so nothing
// typed once it shows is echoed. The keys are then read aside, so that a
// signal (SIGTERM) ends the prompt at once; in raw mode Ctrl+C arrives as
// a byte and ends it too. Either way the terminal is restored before
// readHidden returns; the caller ends the line the hidden Enter left open.
func readHidden(ctx context.Context, f *os.File, out io.Writer, prompt string) (string, error) {
	fd := int(f.Fd())
	saved, err := term.MakeRaw(fd)
	if err != nil {
		return "", err
	}
	defer term.Restore(fd, saved)
	io.WriteString(out, prompt)
	type result struct {
		line string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := readRawLine(f)
		done <- result{line, err}
	}()
	select {
	case r := <-done:
		return r.line, r.err
	case <-ctx.Done():
		return "", errReadCanceled
	}
}

// readRawLine reads keys from a terminal in raw mode up to Enter, with
// the editing a person expects at a password prompt: backspace, Ctrl+U to
// start over, Ctrl+C to cancel, Ctrl+D on an empty line for end of input.
// Escape sequences (arrow keys, a bracketed paste's markers) are skipped.
func readRawLine(r io.Reader) (string, error) {
	var line []byte
	var b [1]byte
	escape := false
	for len(line) < maxHiddenLine {
		if _, err := r.Read(b[:]); err != nil {
			return "", err
		}
		c := b[0]
		switch {
		case escape:
			// A sequence ends with a letter or '~'; its middle is digits,
			// '[' and ';'.
			escape = !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '~')
		case c == 0x1b:
			escape = true
		case c == '\r' || c == '\n':
			return string(line), nil
		case c == 0x03:
			return "", errReadCanceled
		case c == 0x04 && len(line) == 0:
			return "", io.EOF
		case c == 0x7f || c == 0x08:
			_, size := utf8.DecodeLastRune(line)
			line = line[:len(line)-size]
		case c == 0x15:
			line = line[:0]
		case c >= 0x20:
			line = append(line, c)
		}
	}
	return string(line), nil
}

// readAddressLine shows prompt on out and reads a line from the terminal
// f, echoing it itself so that a token typed into it does not show: the
// terminal's own echo would print every key. What follows "token_auth="
// is echoed as nothing, and hex characters from the 12th of a run on as
// "*" (no address has such a run; a token is 32). The echo only ever
// appends or erases the last character: no escape sequence, no redraw,
// so it reads the same on a dumb terminal and to a screen reader.
func readAddressLine(ctx context.Context, f *os.File, out io.Writer, prompt string) (string, error) {
	fd := int(f.Fd())
	saved, err := term.MakeRaw(fd)
	if err != nil {
		return "", err
	}
	defer term.Restore(fd, saved)
	io.WriteString(out, prompt)
	type result struct {
		line string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := editAddressLine(f, out)
		done <- result{line, err}
	}()
	select {
	case r := <-done:
		return r.line, r.err
	case <-ctx.Done():
		return "", errReadCanceled
	}
}

// editAddressLine reads keys from a terminal in raw mode up to Enter and
// echoes them as readAddressLine says, with the editing of a line:
// backspace, Ctrl+U to start over, Ctrl+C to cancel, Ctrl+D on an empty
// line for end of input. Escape sequences (arrow keys) are skipped.
func editAddressLine(r io.Reader, out io.Writer) (string, error) {
	var line []rune
	var shown []bool // whether each rune left a mark on the screen
	var pending []byte
	var b [1]byte
	escape := false
	erase := func() {
		if shown[len(shown)-1] {
			io.WriteString(out, "\b \b")
		}
		line, shown = line[:len(line)-1], shown[:len(shown)-1]
	}
	for len(line) < maxHiddenLine {
		if _, err := r.Read(b[:]); err != nil {
			return "", err
		}
		c := b[0]
		switch {
		case escape:
			escape = !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '~')
			continue
		case c == 0x1b:
			escape = true
			continue
		case c == '\r' || c == '\n':
			io.WriteString(out, "\r\n")
			return string(line), nil
		case c == 0x03:
			io.WriteString(out, "\r\n")
			return "", errReadCanceled
		case c == 0x04 && len(line) == 0:
			return "", io.EOF
		case c == 0x7f || c == 0x08:
			if len(line) > 0 {
				erase()
			}
			continue
		case c == 0x15:
			for len(line) > 0 {
				erase()
			}
			continue
		case c < 0x20:
			continue
		}
		pending = append(pending, c)
		if !utf8.FullRune(pending) {
			continue
		}
		ch, _ := utf8.DecodeRune(pending)
		pending = pending[:0]
		line = append(line, ch)
		echo := addressEcho(string(line), ch)
		shown = append(shown, echo != "")
		io.WriteString(out, echo)
	}
	return string(line), nil
}

// addressEcho is what to show for the last typed rune ch of line: the
// rule of the wizard's field (matomo.OpenTokenTail), so that a token
// written with %-escapes or in full-width characters is masked too.
func addressEcho(line string, ch rune) string {
	switch matomo.OpenTokenTail(line).Kind {
	case matomo.TailValue:
		if ch == '=' && strings.HasSuffix(strings.ToLower(line), "token_auth=") {
			return "=" // the value starts after it
		}
		return "" // a token_auth value, whatever comes of it
	case matomo.TailHex:
		return "*"
	}
	return string(ch)
}
