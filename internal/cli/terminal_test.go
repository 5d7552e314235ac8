package cli

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReadRawLineEditsLikeAPasswordPrompt(t *testing.T) {
	cases := []struct {
		name, keys, want string
		err              error
	}{
		{"enter ends the line", "abc\r", "abc", nil},
		{"backspace deletes", "abx\x7fc\r", "abc", nil},
		{"ctrl+u starts over", "wrong\x15right\r", "right", nil},
		{"arrow keys are ignored", "ab\x1b[Dc\r", "abc", nil},
		{"a pasted newline ends it", "6b1562ed\n", "6b1562ed", nil},
		{"ctrl+c cancels", "abc\x03", "", errReadCanceled},
		{"ctrl+d on an empty line is the end", "\x04", "", io.EOF},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readRawLine(strings.NewReader(tc.keys))
			if got != tc.want || !errors.Is(err, tc.err) {
				t.Fatalf("got %q, %v; want %q, %v", got, err, tc.want, tc.err)
			}
		})
	}
}
