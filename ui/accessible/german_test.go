package accessible

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo/demomatomo"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden transcripts in testdata/")

// german is the Printer of a session in German.
var german = i18n.For("de")

// golden compares a transcript with testdata/de/name.golden, the fake's
// address written as http://127.0.0.1:PORT and each of the pairs in
// replace (what changes from run to run, and what stands for it);
// -update rewrites the file.
func golden(t *testing.T, name, got, srvURL string, replace ...string) {
	t.Helper()
	got = strings.NewReplacer(replace...).Replace(got)
	got = strings.ReplaceAll(got, strings.TrimPrefix(srvURL, "http://"), "127.0.0.1:PORT")
	path := filepath.Join("testdata", "de", name+".golden")
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./ui/accessible -run %s -update writes it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./ui/accessible -run %s -update rewrites it after a deliberate change)\n--- got\n%s",
			path, t.Name(), got)
	}
}

// TestGermanTranscriptSuccess: a whole session in German, answered with
// German words, from the address to the end.
func TestGermanTranscriptSuccess(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL, Printer: german, TimeZone: time.UTC},
		"", "weiter", "zurück", "token", demomatomo.TokenViewer, "prüfen", "1", "fertig", "fertig")
	if tr.err != nil || !tr.outcome.Verified || tr.outcome.Site.ID != 1 || tr.outcome.TokenRequests != 2 {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	golden(t, "success", tr.out, srv.URL)
}

// TestGermanTranscriptWrongToken: a rejected token, the same one again
// (Enter alone does not send it), and the end.
func TestGermanTranscriptWrongToken(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL, Printer: german},
		"", "token", demomatomo.TokenUnknown, "prüfen", "nochmal", demomatomo.TokenUnknown, "schritte", "beenden")
	if tr.err == nil || tr.outcome.TokenRequests != 1 || tr.outcome.Rejected != 1 {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	golden(t, "wrong-token", tr.out, srv.URL)
}

// TestGermanTranscriptLockOut: rejected tokens count down toward
// Matomo's lock-out, which ends the session.
func TestGermanTranscriptLockOut(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{LockoutThreshold: 2})
	answers := []string{"", "token"}
	for i := 1; i <= 4; i++ {
		answers = append(answers, "nochmal", fmt.Sprintf("%032x", i), "prüfen")
	}
	tr := run(t, Config{URL: srv.URL, Printer: german}, append(answers[:2:2], append(answers[3:], "")...)...)
	if tr.err == nil || !tr.outcome.Blocked || tr.outcome.TokenRequests != 4 {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	golden(t, "lock-out", tr.out, srv.URL)
}

// TestGermanTranscriptCreate: "create it for me" in German, the token
// saved to a file at the end.
func TestGermanTranscriptCreate(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	dir := t.TempDir()
	tr := run(t, Config{URL: srv.URL, Printer: german},
		"", "erstellen", "viewer", linePassword, "", "", "nein", "2", "speichern", filepath.Join(dir, "token.txt"), "")
	if tr.err != nil || !tr.outcome.Verified || tr.outcome.SavedTo == "" {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	noPassword(t, tr, linePassword)
	// The created token differs from run to run, and so its last 4.
	fp := tr.outcome.TokenFingerprint
	golden(t, "create", tr.out, srv.URL, dir, "TMP", "…"+fp[len(fp)-4:], "…LAST")
}

// TestGermanTranscriptDataCheck: the data check of a site without a
// visit, and of one whose visits log is off.
func TestGermanTranscriptDataCheck(t *testing.T) {
	d := demomatomo.Recorded()
	d.Sites[0].VisitorLogOff = true
	srv := startFake(t, d, demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL, Printer: german, TimeZone: time.UTC},
		"", "token", demomatomo.TokenViewer, "", "2", "websites", "1", "fertig", "fertig")
	if tr.err != nil || !tr.outcome.Verified || tr.outcome.TokenRequests != 3 {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	golden(t, "data-check", tr.out, srv.URL)
}

// TestGermanTranscriptAddress: the address question's help, a token typed
// there, an address that cannot be used, and one with index.php.
func TestGermanTranscriptAddress(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{Printer: german},
		"hilfe", demomatomo.TokenViewer, "ftp://analytics.example.org", srv.URL+"/index.php?module=CoreHome", "beenden")
	if !errors.Is(tr.err, ErrQuit) || tr.outcome.TokenRequests != 0 {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	golden(t, "address", tr.out, srv.URL)
}

// TestGermanSaveRefused: why a file was not written, in German.
func TestGermanSaveRefused(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	dir := t.TempDir()
	tr := run(t, Config{URL: srv.URL, Printer: german},
		"", "token", demomatomo.TokenViewer, "", "1", "speichern", filepath.Join(dir, "nope", "token.txt"), "speichern", dir, "fertig")
	if tr.err != nil || tr.outcome.SavedTo != filepath.Join(dir, "matomo-token.txt") {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	tr.has(t, "Nicht gespeichert in "+filepath.Join(dir, "nope", "token.txt")+": Der Ordner dafür existiert nicht. "+
		"Mit „speichern“ wählen Sie einen anderen Namen.\n",
		"Der Token ist in "+filepath.Join(dir, "matomo-token.txt")+" gespeichert.")
}

// TestGermanClipboardFailure: the clipboard tool's failure, in German.
func TestGermanClipboardFailure(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	cb := &fakeClipboard{fail: i18n.Errorf(i18n.DesktopCopyEnded, "wl-copy", "exit status 1")}
	tr := run(t, Config{URL: srv.URL, Printer: german, Clipboard: cb},
		"", "token", demomatomo.TokenViewer, "", "1", "kopieren", "fertig", "fertig")
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	tr.has(t, "Der Token ist nicht in der Zwischenablage des Systems angekommen: wl-copy wurde beendet mit exit status 1. "+
		"Mit „speichern“ speichern Sie ihn stattdessen in einer Datei.\n")
}

// TestGermanCountsHaveGermanSeparators: in German, counts are written the
// German way (1.047), a site ID as it is typed, the pages and filter in
// German words.
func TestGermanCountsHaveGermanSeparators(t *testing.T) {
	srv := startFake(t, demomatomo.WithSites(1045), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL, Printer: german},
		"", "token", demomatomo.TokenViewer, "", "weiter", "zurück", "zurück", "suche shop", "alle", "1045", "", "")
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	tr.has(t,
		"Websites: 1.047 insgesamt; 0 mit Administratorzugriff, 0 mit Schreibzugriff, 1.047 mit Ansichtszugriff.",
		"Websites 1 bis 20 von 1.047, nach ID:",
		"Websites 21 bis 40 von 1.047, nach ID:",
		"Website-ID [22]: zurück\nWebsites 1 bis 20",
		"Dies ist die erste Seite. Geben Sie „weiter“ für weitere Websites ein oder die ID einer Website.",
		"Website-ID: 1045\n",
	)
	if !regexp.MustCompile(`Websites, die zu „shop“ passen: 1 bis 20 von \d{1,3} \(von 1\.047 insgesamt\):`).MatchString(tr.out) {
		t.Errorf("the filtered list's counts are not German:\n%s", tr.out)
	}
}
