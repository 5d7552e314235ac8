package ui

import (
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

// A token next to an address, or in it, is taken out of the field at once,
// typed key by key (a terminal without bracketed paste) or pasted, never
// shown on the way, and never looked up: what Enter checks is the address.
func TestATokenInTheAddressFieldNeverShowsAndIsNeverLookedUp(t *testing.T) {
	for _, tc := range []struct {
		name, input string
		// want is the field once the input arrived; checked is the address
		// Enter then checks ("" when the field holds no usable address).
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
	} {
		for _, how := range []string{"typed key by key", "pasted"} {
			t.Run(tc.name+", "+how, func(t *testing.T) {
				var looked []string
				fc := &fakeClient{preflight: func(a matomo.Address) (*matomo.Preflight, error) {
					looked = append(looked, a.String())
					return &matomo.Preflight{Address: a}, nil
				}}
				d := atAddress(t, fc)
				if how == "pasted" {
					d.paste(tc.input)
				} else {
					for _, r := range tc.input {
						d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
						assertNoTokenPiece(t, "the screen while typing", d.screen())
						if strings.Contains(d.m.address.input.Value(), "app-password") {
							t.Fatalf("the field holds the token's value: %q", d.m.address.input.Value())
						}
					}
				}
				// The end of a burst of keys.
				d.send(swallowEndMsg{seq: d.m.address.swallowSeq})
				if got := d.m.address.input.Value(); got != tc.want {
					t.Errorf("the field holds %q, want %q", got, tc.want)
				}
				d.wantScreen("That held a token. It was removed from this field and not sent")
				assertNoTokenPiece(t, "the screen", d.screen())
				d.key("enter")
				assertNoTokenPiece(t, "the screen after enter", d.screen())
				switch {
				case tc.checked == "" && len(looked) != 0:
					t.Errorf("checked %q, want no check", looked)
				case tc.checked != "" && (len(looked) != 1 || looked[0] != tc.checked):
					t.Errorf("checked %q, want %q", looked, tc.checked)
				}
				for _, l := range looked {
					if matomo.ContainsToken(l) || strings.Contains(l, "app-password") {
						t.Errorf("looked up %q", l)
					}
				}
			})
		}
	}
}

// While what follows token_auth= is dropped, nothing typed reaches the
// field, also not after a pause; a key that is not text ends it, and what
// is typed then is kept.
func TestWhatFollowsTokenAuthIsDroppedUntilAKeyThatIsNotText(t *testing.T) {
	d := atAddress(t, &fakeClient{})
	d.typeText("analytics.example.org/index.php?token_auth=")
	d.wantScreen("dropped as you type it, until you press Enter, Backspace or an arrow key")
	d.send(swallowEndMsg{seq: d.m.address.swallowSeq}) // a pause changes nothing
	d.typeText("a slowly typed secret")
	if got := d.m.address.input.Value(); got != "https://analytics.example.org" {
		t.Fatalf("the field holds %q", got)
	}
	d.key("backspace")
	d.typeText("g/matomo")
	if got := d.m.address.input.Value(); got != "https://analytics.example.org/matomo" {
		t.Fatalf("after backspace, typing goes into the field again: %q", got)
	}
}

// The beginning of a token being typed is masked: the field and its
// preview show no long run of hex characters, and an ordinary address
// with short ones shows as typed.
func TestTheFieldIsMaskedWhileItHoldsALongHexRun(t *testing.T) {
	d := atAddress(t, &fakeClient{})
	d.typeText("https://cafe.example.de/" + testToken[:11])
	d.wantScreen("https://cafe.example.de/" + testToken[:11])
	d.typeText(testToken[11:13])
	d.wantNotOnScreen("https://cafe.example.de")
	d.wantScreen("Hidden while the field holds a long run of hex characters")
	d.key("backspace", "backspace")
	d.wantScreen("https://cafe.example.de/" + testToken[:11])
}

// Hex characters typed on purpose after a token was taken out, once the
// burst is over, are kept: the address can be fixed by typing.
func TestTypingAfterATokenWasTakenOutIsKept(t *testing.T) {
	d := atAddress(t, &fakeClient{})
	d.paste("https://analytics.example." + testToken)
	d.send(swallowEndMsg{seq: d.m.address.swallowSeq})
	d.typeText("de")
	if got := d.m.address.input.Value(); got != "https://analytics.example.de" {
		t.Fatalf("the field holds %q", got)
	}
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
