package accessible

// The line-by-line wizard against the real Matomo 5.1.2 of
// ../shared/realmatomo (see README, "Tests against a real Matomo"),
// skipped with a message without MATOMO_ONBOARD_REAL_URL.

import (
	"errors"
	"testing"
	"time"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
)

// TestRealLineModeFromTheAddressToASite: an address pasted from the
// browser, straight to the token, the sites with their roles, one chosen.
func TestRealLineModeFromTheAddressToASite(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	pasted := in.URL + "/index.php?module=CoreHome&action=index&idSite=1&period=day&date=yesterday"
	tr := run(t, Config{URL: pasted}, "", "t", realmatomo.TokenWriter, "", "2", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil || !tr.outcome.Verified || tr.outcome.Site.ID != 2 || tr.outcome.TokenRequests != 2 {
		t.Fatalf("Run: %v, outcome %+v (want 2 token requests: the check, the data check)", tr.err, tr.outcome)
	}
	tr.has(t,
		"Data check: No visit recorded yet: is the tracking code installed on https://blog.example?\n"+
			"The site's tracking code in Matomo: "+in.URL+"/index.php?module=CoreAdminHome&action=trackingCodeGenerator&idSite=2\n",
		"Matomo answers at "+in.URL+" (X-Matomo-Request-Id header; API answered with its access error for requests without a token).",
		"The token works: Matomo 5.1.2 at "+in.URL+", token 32 characters, ends …8295.",
		"Sites: 2 in all; 1 with admin access, 1 with write access, 0 with view access.",
		"ID 1: Shop, https://shop.example, admin access.",
		"ID 2: Blog, https://blog.example, write access.",
	)
}

// TestRealLineModeSaysSiteOnesLastVisit: site 1, which a tracking
// request has just given a visit, has data.
func TestRealLineModeSaysSiteOnesLastVisit(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	in.TrackVisit(t, 1)
	tr := run(t, Config{URL: in.URL, TimeZone: time.UTC}, "", "t", realmatomo.TokenViewer, "", "1", "", "")
	if tr.err != nil || !tr.outcome.Verified || tr.outcome.TokenRequests != 2 {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	tr.has(t, "Checking that site 1 has data: its last visit, asked with the token (one request, up to 5 s)…\nData check: Last visit recorded ")
	tr.lacks(t, "hours ago", "days ago", "tracking code")
}

// TestRealLineModeMeetsTheLockOut: failed logins from outside the session
// count too. With 18 spent elsewhere, the session's third wrong token is
// the 21st, still answered; the right token after it meets the lock-out,
// and the session sends nothing more.
func TestRealLineModeMeetsTheLockOut(t *testing.T) {
	in := realmatomo.SpendFailedLogins(t)
	in.FailLogins(t, 18)
	// Three different wrong tokens: the line mode would not send one that
	// already failed again on Enter alone.
	bad := realmatomo.TokenInvalid[:30]
	tr := run(t, Config{URL: in.URL}, "", "t",
		bad+"01", "", "again", bad+"02", "", "again", bad+"03", "", "again",
		realmatomo.TokenViewer, "", "")
	o := tr.outcome
	if !errors.Is(tr.err, ErrQuit) || o.Verified || !o.Blocked || o.Rejected != 3 || o.TokenRequests != 4 ||
		o.LastError == nil || o.LastError.Class != matomo.ClassBlocked {
		t.Fatalf("Run: %v, outcome %+v", tr.err, o)
	}
	tr.has(t,
		"Rejected tokens in this session: 3. Matomo locks this computer out for up to an hour after more than 20 failed logins in an hour",
		"Problem: "+matomo.ClassBlocked.Title().String()+".",
		`Matomo said: "Too many failed logins. Please wait and try logging in again later."`,
		noMoreTokens,
		"Ended without a verified token. Nothing was saved.",
	)
}

// TestRealLineModeAllInGerman: a session in German names the real Matomo's
// screens with its own German labels (asked without a token), and goes
// from the address to a site with German answer words.
func TestRealLineModeAllInGerman(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	tr := run(t, Config{URL: in.URL, Printer: german}, "", "weiter", "weiter", "token", realmatomo.TokenWriter, "prüfen", "2", "fertig", "fertig")
	if tr.err != nil || !tr.outcome.Verified || tr.outcome.Site.ID != 2 || tr.outcome.TokenRequests != 2 {
		t.Fatalf("Run: %v, outcome %+v (want 2 token requests: the check, the data check)", tr.err, tr.outcome)
	}
	tr.has(t,
		"Außerdem wurde Matomo, ohne Token, gefragt, wie seine Seiten beschriftet sind: Die Schritte verwenden seine Wörter.",
		"Schritt 3 von 8: Persönlich → Sicherheit öffnen\n",
		"Der Token funktioniert: Matomo 5.1.2 unter "+in.URL+",",
		"ID 1: Shop, https://shop.example, Zugriff: Administrator.\nID 2: Blog, https://blog.example, Zugriff: Schreiben.\n",
		"Website-ID: 2\n",
	)
	tr.lacks(t, "(Personal)", "Step ", "Choice")
}
