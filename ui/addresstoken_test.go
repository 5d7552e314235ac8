package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"matomo-onboard/matomo"
)

// tokenPieces are the pieces of the test token that must never show: any
// 12 characters of it in a row.
func tokenPieces() []string {
	var out []string
	for i := 0; i+12 <= len(testToken); i++ {
		out = append(out, testToken[i:i+12])
	}
	return out
}

// assertNoTokenPiece fails if any 12 characters of the token show in s.
func assertNoTokenPiece(t *testing.T, where, s string) {
	t.Helper()
	low := strings.ToLower(strings.Join(strings.Fields(s), ""))
	for _, p := range tokenPieces() {
		if strings.Contains(low, p) {
			t.Fatalf("%s shows a piece of the token (%s):\n%s", where, p, s)
		}
	}
}

// atAddress is a fresh wizard on the address screen with an empty field.
func atAddress(t *testing.T, fc *fakeClient) *driver {
	d := newDriver(t, Config{Client: fc})
	d.key("enter")
	if d.m.screen != screenAddress {
		t.Fatalf("screen %v", d.m.screen)
	}
	return d
}

// lookups is a fake client that records every address checked.
func lookups() (*fakeClient, *[]string) {
	var looked []string
	return &fakeClient{preflight: func(a matomo.Address) (*matomo.Preflight, error) {
		looked = append(looked, a.String())
		return &matomo.Preflight{Address: a}, nil
	}}, &looked
}

// typeKeys types s key by key, as a terminal without bracketed paste
// sends a paste, and fails if any 12 characters of the token show on the
// way.
func typeKeys(t *testing.T, d *driver, s string) {
	t.Helper()
	for _, r := range s {
		if r == '\n' {
			d.key("enter")
		} else {
			d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		assertNoTokenPiece(t, "the screen while typing", d.screen())
		if strings.Contains(d.m.address.input.Value(), "app-password") {
			t.Fatalf("the field holds the token's value: %q", d.m.address.input.Value())
		}
	}
}

// enterUntilChecked presses Enter, and once more when the first only took
// out what was hidden (the field changed, or a piece of a token went: the
// person sees that before anything is checked).
func enterUntilChecked(t *testing.T, d *driver, looked *[]string) {
	t.Helper()
	before := len(*looked)
	d.key("enter")
	assertNoTokenPiece(t, "the screen after enter", d.screen())
	if len(*looked) == before && d.m.address.editing() {
		d.key("enter")
		assertNoTokenPiece(t, "the screen after the second enter", d.screen())
	}
}

// percentEscaped writes every byte of s as a %-escape.
func percentEscaped(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		fmt.Fprintf(&b, "%%%02X", s[i])
	}
	return b.String()
}

// A token next to an address, or in it, never shows and is never looked
// up, typed key by key (a terminal without bracketed paste, a person
// typing an API link, quickly or slowly) or pasted, and both end alike:
// the field then holds the address, and Enter checks that.
func TestATokenInTheAddressFieldNeverShowsAndIsNeverLookedUp(t *testing.T) {
	for _, tc := range []struct {
		name, input string
		// want is the field once Enter was pressed on what arrived;
		// checked is the address Enter checks ("" when the field holds no
		// usable address).
		want, checked string
	}{
		{"glued to an address ending in hex letters", "https://analytics.example.de" + testToken,
			"https://analytics.example.de", "https://analytics.example.de"},
		{"glued, upper case, with a folder after it", "https://analytics.example.be" + strings.ToUpper(testToken) + "/matomo",
			"https://analytics.example.be/matomo", "https://analytics.example.be/matomo"},
		{"glued to a folder ending in hex letters", "https://example.org/web" + testToken,
			"https://example.org/web", "https://example.org/web"},
		{"glued to a port", "https://example.org:8443" + testToken, "https://example.org:8443", "https://example.org:8443"},
		{"as the host name", "https://" + testToken + ".example.org", "https://.example.org", ""},
		{"an API link", "https://example.org/index.php?module=API&token_auth=" + testToken + "&format=json",
			"https://example.org", "https://example.org"},
		{"an API link with another token shape", "https://example.org/index.php?module=API&token_auth=user:app-password",
			"https://example.org", "https://example.org"},
		{"an API link with a WordPress password", "https://example.org/?token_auth=user:abcd efgh app-password",
			"https://example.org", "https://example.org"},
		// attack1 U8: %-escaped, as a browser may copy it.
		{"%-escaped", "https://x.example.org/" + percentEscaped(testToken), "https://x.example.org/", "https://x.example.org"},
		{"full-width", "https://x.example.org/" + strings.Map(func(r rune) rune { return r + 0xfee0 }, testToken),
			"https://x.example.org/", "https://x.example.org"},
	} {
		var fields [2]string
		for i, how := range []string{"typed key by key", "pasted"} {
			t.Run(tc.name+", "+how, func(t *testing.T) {
				fc, looked := lookups()
				d := atAddress(t, fc)
				if how == "pasted" {
					d.paste(tc.input)
				} else {
					typeKeys(t, d, tc.input)
				}
				d.wantScreen("That held a token. It was removed from this field and not sent")
				assertNoTokenPiece(t, "the screen", d.screen())
				enterUntilChecked(t, d, looked)
				fields[i] = d.m.address.input.Value()
				if got := d.m.address.input.Value(); got != tc.want {
					t.Errorf("the field holds %q, want %q", got, tc.want)
				}
				switch {
				case tc.checked == "" && len(*looked) != 0:
					t.Errorf("checked %q, want no check", *looked)
				case tc.checked != "" && (len(*looked) != 1 || (*looked)[0] != tc.checked):
					t.Errorf("checked %q, want %q", *looked, tc.checked)
				}
				for _, l := range *looked {
					if matomo.ContainsTokenPiece(l) || strings.Contains(l, "app-password") {
						t.Errorf("looked up %q", l)
					}
				}
			})
		}
		if fields[0] != fields[1] {
			t.Errorf("%s: typed, the field ended as %q; pasted, %q", tc.name, fields[0], fields[1])
		}
	}
}

// TestCorrectingATypoInATokenKeepsItOutOfTheAddress (attack1 U1): typing
// an API link, then Backspace over a typo in the token, then the rest of
// it: Backspace takes back from the hidden token, never from the address,
// and nothing of the token reaches the field or the lookup.
func TestCorrectingATypoInATokenKeepsItOutOfTheAddress(t *testing.T) {
	fc, looked := lookups()
	d := atAddress(t, fc)
	typeKeys(t, d, "https://matomo.example.org/index.php?module=API&token_auth="+testToken[:6])
	d.wantScreen("What you type after token_auth= is the token")
	d.key("backspace")
	typeKeys(t, d, testToken[5:])
	if got := d.m.address.input.Value(); got != "https://matomo.example.org/index.php?module=API&" {
		t.Fatalf("the field holds %q", got)
	}
	enterUntilChecked(t, d, looked)
	if got := d.m.address.input.Value(); got != "https://matomo.example.org" {
		t.Errorf("after Enter, the field holds %q", got)
	}
	if len(*looked) != 1 || (*looked)[0] != "https://matomo.example.org" {
		t.Errorf("checked %q, want https://matomo.example.org", *looked)
	}
	// Backspace all the way back over token_auth= gives the field back.
	d = atAddress(t, &fakeClient{})
	typeKeys(t, d, "example.org/?token_auth=ab")
	for range len("=ab") {
		d.key("backspace")
	}
	if got := d.m.address.input.Value(); got != "example.org/?token_auth" {
		t.Errorf("after taking back the value, the field holds %q", got)
	}
}

// TestATypedTokenEndsAsAPastedOne (attack1 U9): typed slowly after an
// address that ends in hex letters, the token takes nothing of the
// address and leaves nothing behind; there is no time limit that a slow
// typist could miss.
func TestATypedTokenEndsAsAPastedOne(t *testing.T) {
	fc, looked := lookups()
	d := atAddress(t, fc)
	typeKeys(t, d, "https://analytics.example.de")
	for _, r := range testToken {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		d.send(d.m.spinner.Tick()) // time passes between the keys
		assertNoTokenPiece(t, "the screen", d.screen())
	}
	if got := d.m.address.input.Value(); got != "https://analytics.example.de" {
		t.Errorf("the field holds %q", got)
	}
	enterUntilChecked(t, d, looked)
	if len(*looked) != 1 || (*looked)[0] != "https://analytics.example.de" {
		t.Errorf("checked %q", *looked)
	}
}

// TestAPieceOfATokenIsNeverChecked (attack1 U2, U3): 12 to 31 hex
// characters in a row (a token with a character missing, or one wrapped
// onto two lines and pasted without bracketed paste, whose line break is
// Enter) are hidden as they are typed, taken out with Enter, said so, and
// never checked, shown on the "Checking" line or looked up; what is left
// is checked with the next Enter.
func TestAPieceOfATokenIsNeverChecked(t *testing.T) {
	for _, tc := range []struct {
		name, typed, want, checked string
	}{
		{"a token with a character missing", "http://127.0.0.1:18977/" + testToken[:31], "http://127.0.0.1:18977/", "http://127.0.0.1:18977"},
		{"12 characters", "https://x.example.org/" + testToken[4:16], "https://x.example.org/", "https://x.example.org"},
		{"split by a space", "https://x.example.org/" + testToken[:16] + " " + testToken[16:], "https://x.example.org/ ", "https://x.example.org"},
		{"wrapped onto two lines", testToken[:16] + "\n" + testToken[16:], "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fc, looked := lookups()
			d := atAddress(t, fc)
			typeKeys(t, d, tc.typed)
			d.key("enter")
			if len(*looked) != 0 || d.m.busy() {
				t.Fatalf("checked %q on the Enter that took the piece out", *looked)
			}
			d.wantScreen("12 or more hex characters in a row", "not checked and not sent")
			if got := d.m.address.input.Value(); got != tc.want {
				t.Errorf("the field holds %q, want %q", got, tc.want)
			}
			d.key("enter")
			assertNoTokenPiece(t, "the screen", d.screen())
			if tc.checked == "" && len(*looked) != 0 || tc.checked != "" && (len(*looked) != 1 || (*looked)[0] != tc.checked) {
				t.Errorf("checked %q, want %q", *looked, tc.checked)
			}
		})
	}
	// Pasted with bracketed paste, the line break is part of the paste,
	// which is taken whole: both halves are taken out at once, said so,
	// and what is left is what Enter checks.
	fc, looked := lookups()
	d := atAddress(t, fc)
	d.paste("https://x.example.org/" + testToken[:16] + "\n" + testToken[16:])
	d.wantScreen("12 or more hex characters in a row")
	assertNoTokenPiece(t, "the screen", d.screen())
	d.key("enter")
	if len(*looked) != 1 || (*looked)[0] != "https://x.example.org" {
		t.Errorf("checked %q", *looked)
	}
}

// The beginning of a token being typed is hidden from its 12th hex
// character on; the field shows the rest, and Backspace brings the 11
// back.
func TestALongHexRunIsHiddenAsItIsTyped(t *testing.T) {
	d := atAddress(t, &fakeClient{})
	typeKeys(t, d, "https://cafe.example.de/"+testToken[:11])
	d.wantScreen("https://cafe.example.de/" + testToken[:11])
	typeKeys(t, d, testToken[11:13])
	if got := d.m.address.input.Value(); got != "https://cafe.example.de/" {
		t.Errorf("the field shows %q", got)
	}
	d.wantScreen("Not shown: 12 or more hex characters in a row")
	d.key("backspace", "backspace")
	d.wantScreen("https://cafe.example.de/" + testToken[:11])
	d.wantNotOnScreen("Not shown")
}

// Hex characters typed after a pasted token are kept: a paste is whole,
// and the address can be fixed by typing.
func TestTypingAfterATokenWasTakenOutIsKept(t *testing.T) {
	d := atAddress(t, &fakeClient{})
	d.paste("https://analytics.example." + testToken)
	d.typeText("de")
	if got := d.m.address.input.Value(); got != "https://analytics.example.de" {
		t.Fatalf("the field holds %q", got)
	}
}

// A --url given with a token (copied from an API link) starts without it.
func TestAURLWithATokenStartsWithout(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{}, URL: "https://example.org/" + testToken[:20]})
	d.key("enter")
	if got := d.m.address.input.Value(); got != "https://example.org/" {
		t.Errorf("the field holds %q", got)
	}
	d.wantScreen("12 or more hex characters in a row")
}

// A token typed key by key into the site filter shows none of its pieces.
func TestATokenTypedIntoTheFilterNeverShows(t *testing.T) {
	fc := &fakeClient{}
	okVerify(fc, t)
	d := atToken(t, fc, Config{})
	d.paste(testToken)
	d.key("enter", "/")
	for _, r := range "x" + testToken {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		assertNoTokenPiece(t, "the screen while typing into the filter", d.screen())
	}
}
