package accessible

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// reportIn writes reports into dir, as the root's writer does into the
// current folder.
func reportIn(dir string) func(matomo.Findings) (string, error) {
	return func(f matomo.Findings) (string, error) {
		f.Tool, f.Version = "matomo-onboard", "test"
		return matomo.NewReport(f).WriteFile(dir)
	}
}

// savedReport checks that the transcript names the one report in dir by
// its full path, that only its owner can read it and that it holds no
// token, and returns its text with runs of spaces made one.
func savedReport(t *testing.T, tr transcript, dir string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "matomo-onboard-report-*.txt"))
	if len(files) != 1 {
		t.Fatalf("%d reports in %s, want 1", len(files), dir)
	}
	tr.has(t, "Diagnostics report saved to this file:\n"+files[0]+"\n"+
		"Only you can read the file. It holds no token, only its length and last 4 characters, "+
		"so you can send it to support or your Matomo administrator.\n")
	fi, err := os.Stat(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("the report has mode %o, want 600", fi.Mode().Perm())
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(secrets, otherShapedToken) {
		if strings.Contains(string(b), s) {
			t.Errorf("the report holds the token ending %s", s[len(s)-4:])
		}
	}
	return strings.Join(strings.Fields(string(b)), " ")
}

func TestReportAfterSuccess(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	dir := t.TempDir()
	tr := run(t, Config{URL: srv.URL, Report: reportIn(dir)}, "", "t", demomatomo.TokenViewer, "",
		"report", "1", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil || !tr.outcome.Verified {
		t.Fatalf("err %v, outcome %+v", tr.err, tr.outcome)
	}
	text := savedReport(t, tr, dir)
	tr.has(t, "Finished. matomo-onboard saved no token: the token is only where you paste it.\n"+
		"The diagnostics report stays at "+dir+"/matomo-onboard-report-")
	for _, want := range []string{
		"Address: " + srv.URL, "Token: 32 characters, ends …bff8", "Outcome: verified",
		"Version: 5.0.2", "Sites: 2 (0 admin, 0 write, 2 view)", "Request 2 of 2: token check",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	tr.has(t, "report (save a diagnostics report for support, without the token), token (check another token)")
}

func TestReportAfterRejectedToken(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	dir := t.TempDir()
	tr := run(t, Config{URL: srv.URL, Report: reportIn(dir)}, "", "t", demomatomo.TokenUnknown, "",
		"4", // report
		"quit")
	if !errors.Is(tr.err, ErrQuit) {
		t.Fatalf("err %v", tr.err)
	}
	text := savedReport(t, tr, dir)
	tr.has(t, "Canceled, nothing was saved.\nThe diagnostics report stays at "+dir+"/matomo-onboard-report-")
	for _, want := range []string{"Outcome: FAILED at the token check: token_rejected", "Token: 32 characters, ends …d7e8"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	const question = "What next? Answers: 1 again (type the token again, Enter), 2 steps (back to the steps, to create a new token), " +
		"3 address (change the address), 4 report (save a diagnostics report for support, without the token), 5 quit.\n"
	if c := strings.Count(tr.out, question); c != 2 {
		t.Errorf("the question was asked %d times, want 2: before and after the report", c)
	}
}

func TestReportAfterFailedAddressCheck(t *testing.T) {
	nginx := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<!doctype html><html><head><title>Welcome to nginx!</title></head><body>It works</body></html>")
	}))
	defer nginx.Close()
	dir := t.TempDir()
	tr := run(t, Config{URL: nginx.URL, Report: reportIn(dir)}, "", "report", "quit")
	tr.has(t, "What next? Answers: 1 change (type another address, Enter), 2 again (check "+nginx.URL+" again), "+
		"3 report (save a diagnostics report for support, without the token), 4 quit.\n")
	text := savedReport(t, tr, dir)
	for _, want := range []string{"Address: " + nginx.URL, "Token: no token", "Outcome: FAILED at the pre-flight check: not_matomo"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
}

func TestReportAfterLockout(t *testing.T) {
	srv := startFake(t, demomatomo.Demo(), demomatomo.Options{})
	dir := t.TempDir()
	tr := run(t, Config{URL: srv.URL, DemoTokens: demoTokens(), Report: reportIn(dir)}, "", "t", "6", "",
		"report", "")
	if !errors.Is(tr.err, errEnded) || !tr.outcome.Blocked {
		t.Fatalf("err %v, outcome %+v", tr.err, tr.outcome)
	}
	tr.has(t, "Answers: 1 end (end the session, Enter), 2 report (save a diagnostics report for support, without the token).\n")
	text := savedReport(t, tr, dir)
	if !strings.Contains(text, "Outcome: FAILED at the token check: blocked") {
		t.Errorf("the report lacks the lock-out:\n%s", text)
	}
}

func TestReportThatCannotBeWritten(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	failing := func(matomo.Findings) (string, error) {
		return "", errors.New("cannot write the report to /nowhere: permission denied")
	}
	tr := run(t, Config{URL: srv.URL, Report: failing}, "", "t", demomatomo.TokenUnknown, "", "report", "quit")
	tr.has(t, "Choice [1 again]: report\nThe report could not be written: Cannot write the report to /nowhere: permission denied.\nWhat next?")
}
