package main

import (
	"context"
	"errors"
	"os"

	"golang.org/x/term"
)

// errReadCanceled is returned when Ctrl+C (or SIGTERM) ends a hidden
// prompt.
var errReadCanceled = errors.New("canceled while reading the token")

// readHidden reads a line from the terminal without echo. term.ReadPassword
// cannot be interrupted and turns echo back on only when it returns, so it
// runs aside: when ctx ends first, the terminal's saved state is restored
// (echo on again) and the prompt gives up at once.
func readHidden(ctx context.Context, f *os.File) (string, error) {
	fd := int(f.Fd())
	saved, err := term.GetState(fd)
	if err != nil {
		return "", err
	}
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := term.ReadPassword(fd)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		return string(r.b), r.err
	case <-ctx.Done():
		_ = term.Restore(fd, saved)
		return "", errReadCanceled
	}
}
