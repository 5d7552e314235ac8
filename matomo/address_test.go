package matomo_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

func TestParseAddressNormalises(t *testing.T) {
	cases := []struct {
		in, want, endpoint string
		note               string // expected in one of the notes, "" for none
	}{
		{"https://analytics.example.org", "https://analytics.example.org", "https://analytics.example.org/index.php", ""},
		{"  https://analytics.example.org \n", "https://analytics.example.org", "", ""},
		{"analytics.example.org", "https://analytics.example.org", "", "Added https://"},
		{"//analytics.example.org/matomo", "https://analytics.example.org/matomo", "", "Added https://"},
		{"HTTPS://Analytics.Example.ORG", "https://analytics.example.org", "", ""},
		{"https://example.org/analytics", "https://example.org/analytics", "https://example.org/analytics/index.php", ""},
		{"https://example.org/analytics/", "https://example.org/analytics", "", ""},
		{"https://example.org/analytics///", "https://example.org/analytics", "", ""},
		{"https://example.org/analytics/index.php", "https://example.org/analytics", "", `Removed "index.php"`},
		{"https://example.org/analytics/index.php/", "https://example.org/analytics", "", `Removed "index.php"`},
		{"https://example.org/INDEX.PHP", "https://example.org", "", `Removed "INDEX.PHP"`},
		{"https://example.org/matomo/matomo.php", "https://example.org/matomo", "", "tracker"},
		{"https://example.org/piwik.php", "https://example.org", "", "tracker"},
		{"https://example.org/js/matomo.js", "https://example.org/js", "", "tracking script"},
		{"https://example.org/index.php?module=CoreHome&action=index#?idSite=1", "https://example.org", "", "Removed the part after ? or #"},
		{"https://example.org/matomo?x=1", "https://example.org/matomo", "", "Removed the part after ? or #"},
		{"https://example.org/#/dashboard", "https://example.org", "", "Removed the part after ? or #"},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080", "http://127.0.0.1:8080/index.php", ""},
		{"localhost:8080", "https://localhost:8080", "", "Added https://"},
		{"localhost:8080/matomo", "https://localhost:8080/matomo", "", "Added https://"},
		{"https://example.org:8443/matomo", "https://example.org:8443/matomo", "https://example.org:8443/matomo/index.php", ""},
		{"https://example.org:/x", "https://example.org/x", "", ""},
		{"https://[::1]", "https://[::1]", "https://[::1]/index.php", ""},
		{"https://[::1]:8443", "https://[::1]:8443", "", ""},
		{"[2001:db8::7]:8080/matomo", "https://[2001:db8::7]:8080/matomo", "", "Added https://"},
		{"https://example.org/a%20b/", "https://example.org/a%20b", "https://example.org/a%20b/index.php", ""},
		{"https://bücher.example/matomo", "https://xn--bcher-kva.example/matomo", "https://xn--bcher-kva.example/matomo/index.php", ""},
		{"MÜNCHEN.example", "https://xn--mnchen-3ya.example", "", "Added https://"},
		{"https://m%C3%BCnchen.example", "https://xn--mnchen-3ya.example", "", ""}, // as printed before IDNA
		{"https://xn--mnchen-3ya.example", "https://xn--mnchen-3ya.example", "", ""},
		{"https://ｅｘａｍｐｌｅ.org", "https://example.org", "", ""}, // wide letters, as an input method types them
		{"https://docker_matomo:8080", "https://docker_matomo:8080", "", ""},
		{"https://example.org:443/matomo", "https://example.org/matomo", "https://example.org/matomo/index.php", ""},
		{"http://example.org:80", "http://example.org", "", ""},
		{"http://example.org:443", "http://example.org:443", "", ""},
		{"https://example.org:80", "https://example.org:80", "", ""},
		{"https://example.org:08443", "https://example.org:8443", "", ""},
		{"https://[::1]:443", "https://[::1]", "", ""},
		{"https://münchen.example:443/analytics/index.php", "https://xn--mnchen-3ya.example/analytics", "", `Removed "index.php"`},
		{"http://[fe80::1%25eth0]:8080/", "http://[fe80::1%25eth0]:8080", "", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			a, err := matomo.ParseAddress(c.in)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if a.String() != c.want {
				t.Errorf("normalised to %q, want %q", a.String(), c.want)
			}
			if c.endpoint != "" && a.Endpoint() != c.endpoint {
				t.Errorf("API endpoint %q, want %q", a.Endpoint(), c.endpoint)
			}
			notes := strings.Join(english(a.Notes), " | ")
			if c.note == "" && notes != "" {
				t.Errorf("unexpected notes %q", notes)
			}
			if !strings.Contains(notes, c.note) {
				t.Errorf("notes %q, want one saying %q", notes, c.note)
			}
			again, err := matomo.ParseAddress(a.String())
			if err != nil || again.String() != a.String() || len(again.Notes) != 0 {
				t.Errorf("re-parsing %q gives %q, %v, notes %q", a.String(), again.String(), err, again.Notes)
			}
		})
	}
}

func TestParseAddressRefusesWithAPreciseMessage(t *testing.T) {
	cases := []struct {
		in   string
		want string // in the error message
	}{
		{"", "Enter your Matomo address"},
		{"   \n", "Enter your Matomo address"},
		{"ftp://example.org", `"ftp://" is not a web address scheme`},
		{"javascript:alert(1)", `"javascript:" is not a web address scheme`},
		{"mailto:admin@example.org", `"mailto:" is not a web address scheme`},
		{"http:example.org", `missing the // after "http:"`},
		{"file:///etc/passwd", `"file://" is not a web address scheme`},
		{"https://user:secret@example.org", "user name or password"},
		{"https://user@example.org", "user name or password"},
		{"https://exa mple.org", "contains a space"},
		{"https://example.org/my matomo", "contains a space"},
		{"https://example.org\x1b[2J", "control character"},
		{"https://example.org/\x00", "control character"},
		{"https://example.org\nhttps://other.example", "line break"},
		{"https://", "no host name"},
		{"https:///matomo", "no host name"},
		{"https://example.org:0", `port "0" is not a number from 1 to 65535`},
		{"https://example.org:65536", `port "65536" is not a number from 1 to 65535`},
		{"https://example.org:99999999999", "not a number from 1 to 65535"},
		// A run of 12 or more hex characters is a piece of a token
		// (attack1 U2): refused before anything quotes or looks it up.
		{"https://example.org:99999999999999999999", "12 or more hex characters (0-9, a-f) in a row"},
		{"https://example.org/6b1562ed1b371ef36fa7ecb790eaa30", "12 or more hex characters (0-9, a-f) in a row"},
		{"https://6b1562ed1b37.example.org", "12 or more hex characters (0-9, a-f) in a row"},
		{"https://example.org/6b1562ed1b371ef3 6fa7ecb790eaa305", "12 or more hex characters (0-9, a-f) in a row"},
		{"https://ｅｘ６ｂ１５６２ｅｄ１ｂ３７１ｅｆ.example.org", "12 or more hex characters (0-9, a-f) in a row"},
		{"https://example.org/%36%62%31%35%36%32%65%64%31%62%33%37", "12 or more hex characters (0-9, a-f) in a row"},
		{"https://example.org:http", "port after the colon is not a number"},
		{"https://example.org:-1", "port after the colon is not a number"},
		{"https://[::1]:0", `port "0"`},
		{"::1", "must be written in square brackets"},
		{"https://fe80::1:8080/matomo", "must be written in square brackets"},
		{"https://.example.org", "empty part between dots"},
		{"https://example.org/\xff", "bytes that are not text"},
		{"https://[fe80::1%25ä]/", "zone after % is not a network interface name"},
		{"https://example..org", "empty part between dots"},
		{"https://exa!mple.org", `contains '!'`},
		{"https://example.org/%zz", "% that is not followed by two hex digits"},
		{"https://ex%41mple.org", "server name holds a %-escape"},
		{"https://analytics.example.org%2e/matomo", "server name holds a %-escape"},
		{"https://user@ex%zzample.org", "server name holds a %-escape"},
		{"6b1562ed1b371ef36fa7ecb790eaa305", "looks like a token, not an address"},
		{"6B1562ED1B371EF36FA7ECB790EAA305", "looks like a token, not an address"},
		{"https://6b1562ed1b371ef36fa7ecb790eaa305/", "contains what looks like a token"},
		{"https://analytics.example.de6b1562ed1b371ef36fa7ecb790eaa305", "contains what looks like a token"},
		{"https://6b1562ed1b371ef36fa7ecb790eaa305.example.org", "contains what looks like a token"},
		{"https://example.org/web6b1562ed1b371ef36fa7ecb790eaa305", "contains what looks like a token"},
		{"https://example.org:80806b1562ed1b371ef36fa7ecb790eaa305", "contains what looks like a token"},
		{"https://example.org/index.php?module=API&token_auth=anything", "contains what looks like a token"},
		{"https://example.org/?token_auth=", "contains what looks like a token"},
		{"6b1562ed1b371ef3\u200b6fa7ecb790eaa305", "looks like a token, not an address"},
		{"https://example.org/%36b1562ed1b371ef36fa7ecb790eaa305", "contains what looks like a token"},
		{"https://example.org/matomo/6b1562ed1b371ef36fa7ecb790eaa305", "contains what looks like a token"},
		{"https://example.org/6B1562ED1B371EF36FA7ECB790EAA305/index.php", "contains what looks like a token"},
		// A token glued to an international name is still a token, also
		// when written in wide characters that only the conversion to the
		// form DNS uses turns into hex digits.
		{"https://münchen.example6b1562ed1b371ef36fa7ecb790eaa305", "contains what looks like a token"},
		{"https://6b1562ed1b371ef36fa7ecb790eaa305münchen.example", "contains what looks like a token"},
		{"https://ｃ０ｆｆｅｅ０１２３４５６７８９ａｂｃｄｅｆ０１２３４５６７８９.example", "contains what looks like a token"},
		{"https://münchen.ｃ０ｆｆｅｅ０１２３４５６７８９ａｂｃｄｅｆ０１２３４５６７８９", "contains what looks like a token"},
		{"https://ab-.münchen.example", "not a valid international name"},
		{"https://münchen-.example", "not a valid international name"},
		{"https://mü_nchen.example", "contains '_', which international host names cannot contain"},
		{"https://münchen..example", "empty part between dots"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			a, err := matomo.ParseAddress(c.in)
			if err == nil {
				t.Fatalf("accepted as %q", a.String())
			}
			var ae *matomo.AddressError
			if !errors.As(err, &ae) {
				t.Fatalf("error of type %T, want *AddressError", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("message %q, want it to say %q", err.Error(), c.want)
			}
			if ae.Hint.IsZero() {
				t.Errorf("no hint for %q", err.Error())
			}
			if !a.IsZero() {
				t.Errorf("refused address is not zero: %q", a.String())
			}
		})
	}
}

// A password or token pasted into the address must not come back in the
// message that refuses it: messages are shown, logged and screenshotted.
func TestParseAddressDoesNotEchoSecrets(t *testing.T) {
	for _, in := range []string{
		"https://admin:Sup3rSecretPassw0rd@example.org",
		"https://6b1562ed1b371ef36fa7ecb790eaa305/",
		"6b1562ed1b371ef36fa7ecb790eaa305",
		"https://token:6b1562ed1b371ef36fa7ecb790eaa305@example.org/matomo",
		"https://example.org/matomo/6b1562ed1b371ef36fa7ecb790eaa305/",
	} {
		_, err := matomo.ParseAddress(in)
		if err == nil {
			t.Fatalf("%q accepted", in)
		}
		for _, secret := range []string{"Sup3rSecretPassw0rd", "6b1562ed1b371ef36fa7ecb790eaa305"} {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("message for %q repeats the secret: %q", in, err.Error())
			}
		}
	}
}

func TestAddressIsLoopbackOnlyForThisComputer(t *testing.T) {
	cases := map[string]bool{
		"http://127.0.0.1:8080":         true,
		"http://127.0.0.53":             true, // all of 127.0.0.0/8
		"http://127.255.255.254":        true,
		"http://[::1]:8080":             true,
		"http://localhost":              true,
		"http://LOCALHOST:3000":         true,
		"http://matomo.localhost":       false, // Go resolves it through DNS and proxies it
		"http://[::ffff:127.0.0.1]":     true,
		"http://128.0.0.1":              false,
		"http://126.255.255.255":        false,
		"http://10.0.0.1":               false,
		"http://[::2]":                  false,
		"http://localhost.example.org":  false,
		"http://mylocalhost":            false,
		"http://127.0.0.1.example.org":  false,
		"https://analytics.example.org": false,
	}
	for in, want := range cases {
		a, err := matomo.ParseAddress(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if got := a.IsLoopback(); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestAddressAccessors(t *testing.T) {
	a, err := matomo.ParseAddress("http://Example.org:8080/matomo/")
	if err != nil {
		t.Fatal(err)
	}
	if a.Host() != "example.org:8080" || a.Hostname() != "example.org" || a.Scheme() != "http" || !a.PlainHTTP() {
		t.Errorf("host %q hostname %q scheme %q plain %v", a.Host(), a.Hostname(), a.Scheme(), a.PlainHTTP())
	}
	if got := a.WithScheme("https").String(); got != "https://example.org:8080/matomo" {
		t.Errorf("WithScheme: %q", got)
	}
	if got := a.Link("module=UsersManager&action=addNewToken"); got != "http://example.org:8080/matomo/index.php?module=UsersManager&action=addNewToken" {
		t.Errorf("Link: %q", got)
	}
	var zero matomo.Address
	if !zero.IsZero() || zero.String() != "" || zero.Endpoint() != "" || zero.IsLoopback() {
		t.Errorf("zero address is not empty")
	}
}

func TestSameOriginTellsRedirectsApart(t *testing.T) {
	a, err := matomo.ParseAddress("https://example.org/matomo")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{
		"https://example.org/other":      true, // another path, same server
		"https://EXAMPLE.org:443/matomo": true, // default port written out
		"http://example.org/matomo":      false,
		"https://example.org:8443/":      false,
		"https://www.example.org/matomo": false,
	}
	for raw, want := range cases {
		u, _ := url.Parse(raw)
		if got := a.SameOrigin(u); got != want {
			t.Errorf("SameOrigin(%q) = %v, want %v", raw, got, want)
		}
	}
}

// TestInternationalHostNames: an international name is written in the
// form DNS uses, everywhere the address goes, with the Unicode form for
// people beside it; a name whose letters pass for others is flagged.
func TestInternationalHostNames(t *testing.T) {
	for _, c := range []struct {
		in, ascii, unicode, warning string
	}{
		{in: "münchen.example", ascii: "xn--mnchen-3ya.example", unicode: "münchen.example"},
		{in: "https://xn--mnchen-3ya.example", ascii: "xn--mnchen-3ya.example", unicode: "münchen.example"},
		{in: "https://analytics.example.org", ascii: "analytics.example.org"},
		{in: "https://xn--zz.example", ascii: "xn--zz.example"}, // not punycode: nothing to show beside
		{in: "https://例え.テスト", ascii: "xn--r8jz45g.xn--zckzah", unicode: "例え.テスト"},
		{in: "https://matomo.日本語.jp", ascii: "matomo.xn--wgv71a119e.jp", unicode: "matomo.日本語.jp"},
		{in: "https://ö.рф", ascii: "xn--nda.xn--p1ai", unicode: "ö.рф"},
		{in: "https://матомо.рф", ascii: "xn--80axbhbv.xn--p1ai", unicode: "матомо.рф"}, // Cyrillic under a Cyrillic TLD
		// A Cyrillic "а" among Latin letters.
		{in: "https://\u0430nalytics.example.org", ascii: "xn--nalytics-06g.example.org", unicode: "\u0430nalytics.example.org",
			warning: "mixes Cyrillic and Latin letters in one part"},
		// Cyrillic letters that all look like Latin ones: "аррӏе".
		{in: "https://\u0430\u0440\u0440\u04cf\u0435.com", ascii: "xn--80ak6aa92e.com", unicode: "\u0430\u0440\u0440\u04cf\u0435.com",
			warning: "written in Cyrillic letters that look like Latin ones"},
	} {
		t.Run(c.in, func(t *testing.T) {
			a, err := matomo.ParseAddress(c.in)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if a.Hostname() != c.ascii || !strings.Contains(a.String(), "://"+c.ascii) || !strings.Contains(a.Endpoint(), "://"+c.ascii+"/") {
				t.Errorf("host %q, address %q, endpoint %q; want %q throughout", a.Hostname(), a.String(), a.Endpoint(), c.ascii)
			}
			if a.UnicodeHost() != c.unicode {
				t.Errorf("Unicode form %q, want %q", a.UnicodeHost(), c.unicode)
			}
			want := a.String()
			if c.unicode != "" {
				want += " (" + c.unicode + ")"
			}
			if a.Readable() != want {
				t.Errorf("Readable() = %q, want %q", a.Readable(), want)
			}
			warning := a.HostWarning().String()
			if c.warning == "" && warning != "" || !strings.Contains(warning, c.warning) {
				t.Errorf("warning %q, want one saying %q", a.HostWarning(), c.warning)
			}
			if c.warning != "" && !strings.Contains(warning, c.ascii) {
				t.Errorf("the warning does not show the name as it is sent (%s): %q", c.ascii, a.HostWarning())
			}
			if got := a.WithScheme("http"); got.UnicodeHost() != c.unicode || got.HostWarning().String() != warning {
				t.Errorf("WithScheme lost the Unicode form or the warning: %q, %q", got.UnicodeHost(), got.HostWarning())
			}
		})
	}
}

func TestSameOriginKnowsAUnicodeLocation(t *testing.T) {
	a, err := matomo.ParseAddress("https://münchen.example")
	if err != nil {
		t.Fatal(err)
	}
	for _, loc := range []string{"https://münchen.example/index.php", "https://xn--mnchen-3ya.example:443/x", "https://M%C3%9CNCHEN.example/"} {
		u, _ := url.Parse(loc)
		if !a.SameOrigin(u) {
			t.Errorf("%s is not the same origin as %s", loc, a)
		}
	}
}

// english is each Text's English, as --json and the report write it.
func english(ts []i18n.Text) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.String())
	}
	return out
}
