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

// The address answer at a terminal is echoed by the program: a token in it
// does not show, and the line comes back as typed.
func TestEditAddressLineKeepsATokenOffTheScreen(t *testing.T) {
	const tok = "60738be3c528633522be304dd89bbff8"
	for _, tc := range []struct {
		name, keys, line, shown string
	}{
		{"an address", "https://analytics.example.org/matomo\r", "https://analytics.example.org/matomo",
			"https://analytics.example.org/matomo\r\n"},
		{"a token glued to it", "http://127.0.0.1:18931" + tok + "\r", "http://127.0.0.1:18931" + tok,
			"http://127.0.0.1:18931" + tok[:6] + strings.Repeat("*", 26) + "\r\n"},
		{"an API link", "https://x.org/index.php?token_auth=secret:pw&format=json\r", "https://x.org/index.php?token_auth=secret:pw&format=json",
			"https://x.org/index.php?token_auth=&format=json\r\n"},
		{"backspace over what shows and what does not", "x.org/?token_auth=ab\x7f\x7f\x7f\x7fg\r", "x.org/?token_autg",
			"x.org/?token_auth=\b \b\b \bg\r\n"},
		{"a letter whose lower case is longer", "İİİİ.example/?TOKEN_AUTH=secret\r", "İİİİ.example/?TOKEN_AUTH=secret",
			"İİİİ.example/?TOKEN_AUTH=\r\n"},
		{"ctrl+u, arrows", "wrong\x15ri\x1b[Dght\r", "right", "wrong\b \b\b \b\b \b\b \b\b \bright\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			line, err := editAddressLine(strings.NewReader(tc.keys), &out)
			if err != nil || line != tc.line || out.String() != tc.shown {
				t.Fatalf("line %q, shown %q, %v; want %q, %q", line, out.String(), err, tc.line, tc.shown)
			}
			for i := 0; i+12 <= len(tok); i++ {
				if strings.Contains(out.String(), tok[i:i+12]) {
					t.Fatalf("12 characters of the token showed: %q", out.String())
				}
			}
		})
	}
	if _, err := editAddressLine(strings.NewReader("abc\x03"), io.Discard); !errors.Is(err, errReadCanceled) {
		t.Errorf("ctrl+c: %v", err)
	}
}
