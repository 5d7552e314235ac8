package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/term"
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
