package accessible

import (
	"context"
	"io"
	"strings"
	"testing"

	"matomo-onboard/matomo/demomatomo"
)

func TestChoicesByNumberWordAndAlias(t *testing.T) {
	choices := []choice{{word: "next", alias: "n"}, {word: "back", alias: "b"}, {word: "quit"}}
	s := &session{}
	for in, want := range map[string]string{"1": "next", "NEXT": "next", " n ": "next", "2": "back", "b": "back", "1 next": "next"} {
		if got, ok := s.pick(choices, in); !ok || got != want {
			t.Errorf("pick(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"0", "4", "nex", "", "x", "weiter", "zurück"} {
		if got, ok := s.pick(choices, in); ok {
			t.Errorf("pick(%q) = %q, want no answer", in, got)
		}
	}
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "12", "help", "2", "q")
	tr.has(t,
		`"12" is not one of the answers. Type a number from 1 to 10, or one of: next, back, 3, 4, 5.0, 5.4, token, language, create, quit.`,
		"Choice [1 next]: help\nAnswers: 1 next (step 2, Enter), 2 back (the address), 3 Matomo 3, 4 Matomo 4, 5 Matomo 5.0 to 5.3, "+
			"6 Matomo 5.4 or newer, 7 token (I already have a token), 8 language (of Matomo's labels: English), "+
			"9 create (create it for me with my Matomo password), 10 quit.\n",
		"Choice [1 next]: 2\n\nMatomo address\n",
	)
}

func TestReadLimitedDropsTheRestOfAHugeLine(t *testing.T) {
	l := newLineReader(strings.NewReader(strings.Repeat("x", 3*maxLine) + "\nnext\nlast"))
	first, err := l.read(context.Background())
	if err != nil || len(first) != maxLine {
		t.Fatalf("first line: %d bytes, %v", len(first), err)
	}
	for _, want := range []string{"next", "last"} {
		if got, err := l.read(context.Background()); got != want || err != nil {
			t.Errorf("read %q, %v; want %q", got, err, want)
		}
	}
	if _, err := l.read(context.Background()); err != io.EOF {
		t.Errorf("after the last line: %v, want io.EOF", err)
	}
}
