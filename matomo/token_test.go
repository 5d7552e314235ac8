package matomo_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"strings"
	"testing"

	"matomo-onboard/matomo"
)

const secret = "6b1562ed1b371ef36fa7ecb790eaa305"

func TestParseTokenCleansWhatAPasteAdds(t *testing.T) {
	cases := []struct {
		name, in            string
		trimmed, lowered    bool
		wantSameAsReference bool
	}{
		{"as Matomo shows it", secret, false, false, true},
		{"pasted with a newline", secret + "\n", true, false, true},
		{"pasted with CRLF", secret + "\r\n", true, false, true},
		{"surrounded by spaces and tabs", " \t" + secret + " ", true, false, true},
		{"non-breaking spaces around", "\u00a0" + secret + "\u00a0", true, false, true},
		{"upper case", strings.ToUpper(secret), false, true, true},
		{"upper case with a newline", strings.ToUpper(secret) + "\n", true, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			check, err := matomo.ParseToken(c.in)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if check.Token.Reveal() != secret {
				t.Errorf("cleaned token differs from the one Matomo issued")
			}
			if check.Trimmed != c.trimmed || check.Lowercased != c.lowered {
				t.Errorf("Trimmed=%v Lowercased=%v, want %v %v", check.Trimmed, check.Lowercased, c.trimmed, c.lowered)
			}
			if !check.LooksValid() {
				t.Errorf("warnings for a normal token: %q", check.Warnings)
			}
		})
	}
}

// Matomo looks any string up, and some installs use other shapes, so odd
// tokens are tried after a warning, never refused.
func TestParseTokenWarnsButAcceptsOddShapes(t *testing.T) {
	cases := []struct{ in, warning string }{
		{"abc", "3 characters long; Matomo tokens have 32"},
		{secret + "0", "33 characters long"},
		{"6b1562ed1b371ef36fa7ecb790eaa30z", "characters other than 0-9 and a-f"},
		{`"` + secret + `"`, "wrapped in quotes"},
		{"'" + secret + "'", "wrapped in quotes"},
		{"6b1562ed 1b371ef36fa7ecb790eaa305", "contains spaces"},
		{"admin:abcd EFGH ijkl MNOP qrst UVWX", "contains spaces"}, // WordPress application password
		{"admin:abcdEFGHijklMNOPqrstUVWX", "30 characters long"},
	}
	for _, c := range cases {
		check, err := matomo.ParseToken(c.in)
		if err != nil {
			t.Errorf("%q refused: %v", c.in, err)
			continue
		}
		if check.LooksValid() || !strings.Contains(strings.Join(english(check.Warnings), " "), c.warning) {
			t.Errorf("%q: warnings %q, want one saying %q", c.in, check.Warnings, c.warning)
		}
		if check.Token.Reveal() != strings.TrimSpace(c.in) {
			t.Errorf("%q: an odd token must be sent as typed (trimmed), not changed", c.in)
		}
		for _, w := range check.Warnings {
			if strings.Contains(w.String(), c.in) {
				t.Errorf("warning quotes the token: %q", w)
			}
		}
	}
}

// A token pasted with its parameter's name, or inside the API address it
// was copied from, would be rejected as it is (and count as a failed
// login): the value alone is the token, and the check says what went.
func TestParseTokenTakesTheTokenOutOfTokenAuth(t *testing.T) {
	const bare = `Removed "token_auth=" in front`
	const inText = "Took the token out of the token_auth= part"
	odd := "admin:abcd EFGH ijkl MNOP qrst UVWX" // a WordPress application password
	cases := []struct{ name, in, want, note string }{
		{"the parameter's name in front", "token_auth=" + secret, secret, bare},
		{"in upper case, with a newline", "TOKEN_AUTH=" + strings.ToUpper(secret) + "\n", secret, bare},
		{"with & in front", "&token_auth=" + secret, secret, bare},
		{"an API address", "https://analytics.example.org/index.php?module=API&method=SitesManager.getSitesWithAtLeastViewAccess&format=json&token_auth=" + secret, secret, inText},
		{"an API address, the token in the middle", "https://a.example/index.php?module=API&token_auth=" + secret + "&format=json#x", secret, inText},
		{"the parameter and another after it", "token_auth=" + secret + "&force_api_session=1", secret, inText},
		{"a command line", "curl 'https://a.example/index.php?token_auth=" + secret + "' -d x", secret, inText},
		{"an odd token, escaped in an address", "https://a.example/?module=API&token_auth=admin%3Aabcd%20EFGH+ijkl+MNOP+qrst+UVWX", odd, inText},
		{"an odd token after a bare name keeps its spaces", "token_auth=" + odd, odd, bare},
		{"the same token twice", "?token_auth=" + secret + "&x=1&token_auth=" + secret, secret, inText},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			check, err := matomo.ParseToken(c.in)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if check.Token.Reveal() != c.want {
				t.Errorf("the token is %s, not the value of token_auth", check.Token)
			}
			if !strings.HasPrefix(check.Unwrapped.String(), c.note) {
				t.Errorf("Unwrapped = %q, want it to start %q", check.Unwrapped, c.note)
			}
			if strings.Contains(check.Unwrapped.String(), c.want) {
				t.Errorf("the note quotes the token: %q", check.Unwrapped)
			}
			if c.want == secret && !check.LooksValid() {
				t.Errorf("warnings for the token taken out: %q", check.Warnings)
			}
		})
	}
	// The token as a settings file or a program writes it (attack2 A3):
	// sent whole, each was a failed login.
	const setting = `Removed "token_auth" and what stood between it and the token`
	for _, in := range []string{
		"token_auth: " + secret,                         // YAML
		"token_auth:" + secret,                          //
		"token_auth = " + secret,                        // INI
		`"token_auth": "` + secret + `",`,               // JSON
		`'token_auth' => '` + secret + `',`,             // PHP
		"TOKEN_AUTH: '" + strings.ToUpper(secret) + "'", // upper case, quoted
		"token_auth%3D" + secret,                        // inside a %-escaped address
	} {
		check, err := matomo.ParseToken(in)
		if err != nil || check.Token.Reveal() != secret || !strings.HasPrefix(check.Unwrapped.String(), setting) || !check.LooksValid() {
			t.Errorf("%q: %v, note %q, warnings %q: want the value alone, said", strings.ReplaceAll(in, secret, "T"), err, check.Unwrapped, check.Warnings)
		}
	}
	// Not a settings line: left as it is (and its form warned about).
	for _, in := range []string{"token_auth: " + secret + " extra", "my token_auth: " + secret, "token_auth:"} {
		if check, err := matomo.ParseToken(in); err == nil && strings.HasPrefix(check.Unwrapped.String(), setting) {
			t.Errorf("%q was taken apart", in)
		}
	}
	for _, in := range []string{"token_auth=", "token_auth=\t", "https://a.example/?token_auth=&format=json"} {
		if _, err := matomo.ParseToken(in); !errors.Is(err, matomo.ErrTokenEmpty) || !strings.Contains(err.Error(), "Nothing follows token_auth=") {
			t.Errorf("%q: %v, want the empty value said", in, err)
		}
	}
	other := strings.Repeat("a", 32)
	_, err := matomo.ParseToken("?token_auth=" + secret + "&token_auth=" + other)
	if !errors.Is(err, matomo.ErrTokenTwo) || strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), other) {
		t.Errorf("two different values: %v, want ErrTokenTwo without either", err)
	}
	if check, _ := matomo.ParseToken(secret); !check.Unwrapped.IsZero() {
		t.Errorf("a plain token says %q", check.Unwrapped)
	}
}

func TestParseTokenRefusesWhatCanNeverBeAToken(t *testing.T) {
	cases := []struct {
		name, in string
		reason   error
		hint     string
	}{
		{"empty", "", matomo.ErrTokenEmpty, "Paste the token"},
		{"only whitespace", " \n\t ", matomo.ErrTokenEmpty, "Paste the token"},
		{"anonymous", "anonymous", matomo.ErrTokenAnonymous, "Create a personal token"},
		{"anonymous pasted with newline", "anonymous\n", matomo.ErrTokenAnonymous, ""},
		{"a line break inside", "6b1562ed1b371ef3\n6fa7ecb790eaa305", matomo.ErrTokenControl, "without the text around it"},
		{"an escape sequence", secret + "\x1b[31m", matomo.ErrTokenControl, ""},
		{"a NUL", secret[:16] + "\x00" + secret[16:], matomo.ErrTokenControl, ""},
		{"a whole page pasted", strings.Repeat("Lorem ipsum ", 60), matomo.ErrTokenTooLong, "That was 720 characters"},
		{"just over the limit", strings.Repeat("a", matomo.MaxTokenLength+1), matomo.ErrTokenTooLong, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			check, err := matomo.ParseToken(c.in)
			if err == nil {
				t.Fatalf("accepted (%s)", check.Token)
			}
			if !errors.Is(err, c.reason) {
				t.Errorf("reason %v, want %v", err, c.reason)
			}
			var te *matomo.TokenError
			if !errors.As(err, &te) || te.Hint.IsZero() {
				t.Errorf("no *TokenError with a hint: %#v", err)
			}
			if !strings.Contains(err.Error(), c.hint) {
				t.Errorf("message %q, want it to say %q", err.Error(), c.hint)
			}
			if !check.Token.IsZero() {
				t.Errorf("a refused input still produced a token")
			}
		})
	}
	if _, err := matomo.ParseToken(strings.Repeat("a", matomo.MaxTokenLength)); err != nil {
		t.Errorf("a token of exactly MaxTokenLength refused: %v", err)
	}
}

func TestParseTokenErrorsNeverQuoteTheInput(t *testing.T) {
	for _, in := range []string{
		secret + "\x1b[2J",
		"line one of a log\n" + secret,
		strings.Repeat(secret, 20),
	} {
		_, err := matomo.ParseToken(in)
		if err == nil {
			t.Fatalf("accepted %q", in)
		}
		if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "line one") {
			t.Errorf("error quotes the input: %q", err.Error())
		}
	}
}

func TestFingerprintHidesShortTokensAndShowsOnlyTheEndOfLongOnes(t *testing.T) {
	cases := []struct{ in, want string }{
		{secret, "32 characters, ends …a305"},
		{"abc", "3 characters"},
		{"s3cr3t-passw0rd", "15 characters"}, // short: 4 characters would be a quarter of it
		{"0123456789abcdef", "16 characters, ends …cdef"},
		{"äöü-äöü-äöü-äöü-ÄÖÜß", "20 characters, ends …ÄÖÜß"},
	}
	for _, c := range cases {
		check, err := matomo.ParseToken(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := check.Token.Fingerprint(); got != c.want {
			t.Errorf("Fingerprint of a %d-character token = %q, want %q", len([]rune(c.in)), got, c.want)
		}
	}
	var zero matomo.Token
	if zero.Fingerprint() != "no token" || !zero.IsZero() || zero.Reveal() != "" {
		t.Errorf("zero token: %q", zero.Fingerprint())
	}
}

// holder puts a token where real code keeps it: exported and unexported
// fields, by value and by pointer, in slices and maps.
type holder struct {
	Token   matomo.Token
	Ptr     *matomo.Token
	List    []matomo.Token
	ByName  map[string]matomo.Token
	private matomo.Token
	ptr     *matomo.Token
	inner   struct{ tok matomo.Token }
}

func TestTokenCannotLeakThroughPrinting(t *testing.T) {
	for _, s := range []string{secret, "short-pw", "xyz"} {
		check, err := matomo.ParseToken(s)
		if err != nil {
			t.Fatal(err)
		}
		tok := check.Token
		h := holder{Token: tok, Ptr: &tok, List: []matomo.Token{tok}, ByName: map[string]matomo.Token{"a": tok}, private: tok, ptr: &tok}
		h.inner.tok = tok
		var outputs []string
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%T", "%p", "%-40s", "%.3s", "%U", "%c", "%b", "%t", "%e", "%08v"} {
			outputs = append(outputs,
				fmt.Sprintf(verb, tok), fmt.Sprintf(verb, &tok), fmt.Sprintf(verb, h), fmt.Sprintf(verb, &h),
				fmt.Sprintf(verb, []any{tok}), fmt.Sprintf(verb, check))
		}
		outputs = append(outputs, fmt.Sprint(tok, h), fmt.Sprintln(h), tok.String(), tok.GoString())
		assertHidden(t, s, outputs)
	}
}

func TestTokenCannotLeakThroughEncodersLogsAndErrors(t *testing.T) {
	check, err := matomo.ParseToken(secret)
	if err != nil {
		t.Fatal(err)
	}
	tok := check.Token
	h := holder{Token: tok, Ptr: &tok, List: []matomo.Token{tok}, ByName: map[string]matomo.Token{"a": tok}, private: tok, ptr: &tok}
	var outputs []string

	for _, v := range []any{tok, &tok, h, check, map[string]any{"t": tok}} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("json.Marshal(%T): %v", v, err)
		}
		outputs = append(outputs, string(b))
	}
	if b, err := xml.Marshal(struct{ T matomo.Token }{tok}); err == nil {
		outputs = append(outputs, string(b))
	}
	if b, err := tok.MarshalText(); err == nil {
		outputs = append(outputs, string(b))
	}

	var buf bytes.Buffer
	for _, handler := range []slog.Handler{slog.NewTextHandler(&buf, nil), slog.NewJSONHandler(&buf, nil)} {
		l := slog.New(handler)
		l.Info("verify", "token", tok, "holder", h, "ptr", &tok, slog.Any("check", check), slog.Group("g", "t", tok))
	}
	std := log.New(&buf, "", 0)
	std.Printf("token %v %s %v", tok, tok, h)
	outputs = append(outputs, buf.String())

	base := errors.New("HTTP 401")
	wrapped := fmt.Errorf("verify with %v (%+v): %w", tok, h, base)
	joined := errors.Join(wrapped, fmt.Errorf("%s", tok))
	outputs = append(outputs, wrapped.Error(), joined.Error(), fmt.Sprintf("%+v", joined))
	if !errors.Is(joined, base) {
		t.Errorf("wrapping broke errors.Is")
	}
	assertHidden(t, secret, outputs)
	if !strings.Contains(strings.Join(outputs, "\n"), "…a305") {
		t.Errorf("the fingerprint does not appear at all; the test would pass vacuously")
	}
}

// assertHidden fails when any output shows the secret, or when the secret
// shows through a common encoding of it.
func assertHidden(t *testing.T, s string, outputs []string) {
	t.Helper()
	forms := []string{s, fmt.Sprintf("%q", s)}
	if len(s) >= 16 {
		// Short hex strings can turn up in printed pointer addresses.
		forms = append(forms, fmt.Sprintf("%x", s))
	}
	for _, out := range outputs {
		for _, f := range forms {
			if strings.Contains(out, f) {
				t.Errorf("secret %q shows in %q", s, out)
			}
		}
	}
}

func TestInvisibleCharactersAroundATokenAreTrimmedAndInsideRefused(t *testing.T) {
	const tok = "60738be3c528633522be304dd89bbff8"
	c, err := matomo.ParseToken("\ufeff" + tok + "\u200b\r\n")
	if err != nil || c.Token.Len() != 32 || !c.LooksValid() {
		t.Fatalf("a byte-order mark and a zero-width space around the token: %v, %d characters, %v", err, c.Token.Len(), c.Warnings)
	}
	if _, err := matomo.ParseToken(tok[:16] + "\u200b" + tok[16:]); !errors.Is(err, matomo.ErrTokenInvisible) {
		t.Fatalf("a zero-width space inside the token: %v", err)
	}
}

func TestContainsTokenSpotsTokensWhereNoneBelong(t *testing.T) {
	for s, want := range map[string]bool{
		"https://analytics.example.org/index.php?module=API&token_auth=abc": true,
		"60738be3c528633522be304dd89bbff8":                                  true,
		"see 60738be3c528633522be304dd89bbff8 here":                         true,
		"https://analytics.example.org/matomo":                              false,
		"deadbeef":                                                          false,
		// 32 or more hex characters in a row are a token, whatever is
		// around them: addresses end in hex letters and digits.
		"60738be3c528633522be304dd89bbff8ff":                             true,
		"https://analytics.example.de60738be3c528633522be304dd89bbff8":   true,
		"https://60738be3c528633522be304dd89bbff8.example.org":           true,
		"https://example.org/web60738be3c528633522be304dd89bbff8":        true,
		"https://example.org:8080" + "60738be3c528633522be304dd89bbff8":  true,
		"60738be3c5286335\u200b22be304dd89bbff8":                         true, // split by a zero-width space
		"60738be3c5286335\u00ad22be304dd89bbff8\u2028":                   true, // a soft hyphen
		"https://example.org/?TOKEN_AUTH=x":                              true,
		"https://example.org/?token_auth%3Dx":                            true,
		"60738be3c528633522be304dd89bbff":                                false, // 31
		"https://analytics.example.de/60738be3c5286335/22be304dd89bbff8": false,
	} {
		if got := matomo.ContainsToken(s); got != want {
			t.Errorf("ContainsToken(%q) = %v, want %v", s, got, want)
		}
	}
}

// CutToken takes a token out of an address however it sits there, and
// keeps the address: glued to its end (which may itself end in hex
// letters), as its host, in its path, or as a token_auth parameter.
func TestCutTokenKeepsTheAddress(t *testing.T) {
	const tok = "60738be3c528633522be304dd89bbff8"
	for _, tc := range []struct {
		in, want string
		tail     matomo.TokenTail
	}{
		{"https://analytics.example.de" + tok, "https://analytics.example.de", matomo.TailHex},
		{"https://analytics.example.be" + strings.ToUpper(tok) + "/", "https://analytics.example.be/", matomo.TailNone},
		{"https://" + tok + ".example.org", "https://.example.org", matomo.TailNone},
		{"https://example.org/web" + tok, "https://example.org/web", matomo.TailHex},
		{"https://example.org/" + tok + tok, "https://example.org/", matomo.TailHex},
		{"https://example.org/index.php?module=API&token_auth=" + tok + "&format=json", "https://example.org/index.php?module=API&&format=json", matomo.TailNone},
		{"https://example.org/index.php?token_auth=user:app-password", "https://example.org/index.php?", matomo.TailValue},
		{"https://example.org/index.php?TOKEN_AUTH=", "https://example.org/index.php?", matomo.TailValue},
		{"https://example.org/" + tok[:10] + "\u200b" + tok[10:], "https://example.org/", matomo.TailHex},
		{"https://example.org/matomo", "https://example.org/matomo", matomo.TailNone},
	} {
		cut := matomo.CutToken(tc.in)
		if cut.Text != tc.want || cut.Tail != tc.tail || cut.Found != (tc.in != tc.want) {
			t.Errorf("CutToken(%q) = %+v, want %q with tail %d", tc.in, cut, tc.want, tc.tail)
		}
		if matomo.ContainsToken(cut.Text) {
			t.Errorf("CutToken(%q) left a token: %q", tc.in, cut.Text)
		}
	}
	if !matomo.TailHex.EndsToken('.') || matomo.TailHex.EndsToken('F') || matomo.TailValue.EndsToken('&') || !matomo.TailNone.EndsToken('a') {
		t.Error("EndsToken")
	}
}
