package matomo

import (
	"crypto/x509"
	"net/http"
	"net/url"
	"testing"
	"time"

	"matomo-onboard/internal/i18n"
)

// TestSizesAndDatesInTheReadersLanguage: a size and a certificate's day
// read the German way in German and as before in English.
func TestSizesAndDatesInTheReadersLanguage(t *testing.T) {
	de := i18n.For("de")
	for _, tc := range []struct {
		n      int64
		en, de string
	}{
		{1, "1 byte", "1 Byte"},
		{5000, "5000 bytes", "5000 Byte"},
		{1023 << 10, "1023 kB", "1023 kB"},
		{3 << 19, "1.5 MB", "1,5 MB"},
		{2<<20 - 1, "2 MB", "2 MB"},
		{64 << 20, "64 MB", "64 MB"},
	} {
		got := byteCount(tc.n)
		if got.String() != tc.en || de.Text(got) != tc.de {
			t.Errorf("%d bytes: %q and %q, want %q and %q", tc.n, got.String(), de.Text(got), tc.en, tc.de)
		}
	}
	cert := &x509.Certificate{NotAfter: time.Date(2026, time.March, 1, 12, 0, 0, 0, time.UTC)}
	detail := certInvalidDetail("x.example", x509.CertificateInvalidError{Cert: cert, Reason: x509.Expired})
	if got, want := detail.String(), "The certificate of x.example expired on 1 March 2026."; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
	if got, want := de.Text(detail), "Das Zertifikat von x.example ist am 1. März 2026 abgelaufen."; got != want {
		t.Errorf("German %q, want %q", got, want)
	}
}

// TestARedirectsHintNamesTheAddressInBothLanguages: the suggested
// address and the words on the token that stayed here are in the hint,
// in English and in German.
func TestARedirectsHintNamesTheAddressInBothLanguages(t *testing.T) {
	addr, err := ParseAddress("https://old.example/matomo")
	if err != nil {
		t.Fatal(err)
	}
	req, _ := url.Parse("https://old.example/matomo/index.php")
	a := answer{status: http.StatusMovedPermanently, header: http.Header{"Location": {"https://new.example/matomo/index.php"}}}
	e := redirectError(a, addr, req)
	if got, want := e.Hint.String(), "If that is your Matomo, use https://new.example/matomo. The token was not sent along the redirect."; got != want {
		t.Errorf("English hint %q, want %q", got, want)
	}
	if got, want := i18n.For("de").Text(e.Hint), "Wenn das Ihr Matomo ist, verwenden Sie https://new.example/matomo. "+
		"Der Token wurde bei der Weiterleitung nicht mitgesendet."; got != want {
		t.Errorf("German hint %q, want %q", got, want)
	}
}
