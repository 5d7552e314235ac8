package realmatomo

import (
	"fmt"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
)

// fakeT records how a helper ended a test, so that skipping and failing
// can be tested without skipping or failing this test.
type fakeT struct {
	testing.TB
	name            string
	skipped, failed string
	cleanups        []func()
}

func (f *fakeT) Helper()             {}
func (f *fakeT) Logf(string, ...any) {}
func (f *fakeT) Cleanup(fn func())   { f.cleanups = append(f.cleanups, fn) }
func (f *fakeT) Skip(args ...any)    { f.skipped = fmt.Sprint(args...); runtime.Goexit() }
func (f *fakeT) Fatalf(format string, a ...any) {
	f.failed = fmt.Sprintf(format, a...)
	runtime.Goexit()
}
func (f *fakeT) Errorf(format string, a ...any) { f.failed = fmt.Sprintf(format, a...) }
func (f *fakeT) Failed() bool                   { return f.failed != "" }
func (f *fakeT) Skipped() bool                  { return f.skipped != "" }
func (f *fakeT) Name() string                   { return f.name }

// run calls helper as a test would and returns how it ended.
func run(helper func(testing.TB) *Instance) *fakeT { return runAs("fake", helper) }

func runAs(name string, helper func(testing.TB) *Instance) *fakeT {
	f := &fakeT{name: name}
	done := make(chan struct{})
	go func() {
		defer close(done)
		helper(f)
	}()
	<-done
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
	return f
}

func TestWithoutTheVariableTheTestIsSkippedWithDirections(t *testing.T) {
	t.Setenv(EnvURL, "")
	t.Setenv(EnvRequired, "")
	t.Setenv(EnvLog, "")
	f := run(Use)
	if f.failed != "" || !strings.Contains(f.skipped, "SKIPPED (integration test against a real Matomo)") ||
		!strings.Contains(f.skipped, EnvURL+" is not set") || !strings.Contains(f.skipped, "up.sh") {
		t.Errorf("skipped %q, failed %q; want a skip that names the variable and the kit", f.skipped, f.failed)
	}
}

func TestRequiredTurnsTheSkipIntoAFailure(t *testing.T) {
	t.Setenv(EnvURL, "")
	t.Setenv(EnvRequired, "1")
	t.Setenv(EnvLog, "")
	if f := run(Use); f.skipped != "" || !strings.Contains(f.failed, EnvRequired+"=1, but no real Matomo") {
		t.Errorf("skipped %q, failed %q; want a failure", f.skipped, f.failed)
	}
}

func TestAnUnreachableMatomoFailsWhenRequired(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	t.Setenv(EnvURL, "http://"+addr+"/")
	t.Setenv(EnvLog, "")
	for _, required := range []string{"", "1"} {
		t.Setenv(EnvRequired, required)
		f := run(Use)
		msg := f.skipped + f.failed
		if !strings.Contains(msg, "does not answer") || (required == "1") != (f.failed != "") {
			t.Errorf("required=%q: skipped %q, failed %q", required, f.skipped, f.failed)
		}
	}
}

func TestAServerThatIsNotTheKitIsRefused(t *testing.T) {
	srv := http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"value":"4.16.1"}`))
	})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	t.Setenv(EnvURL, "http://"+ln.Addr().String())
	t.Setenv(EnvRequired, "1")
	t.Setenv(EnvLog, "")
	if f := run(Use); !strings.Contains(f.failed, "does not answer like the kit's Matomo 5.1.2") {
		t.Errorf("failed %q", f.failed)
	}
}

func TestOnlyLoopbackAddressesAreUsed(t *testing.T) {
	t.Setenv(EnvURL, "https://analytics.example.org/")
	t.Setenv(EnvLog, "")
	if f := run(Use); !strings.Contains(f.failed, "not on this computer") {
		t.Errorf("failed %q, want a refusal of a remote address", f.failed)
	}
}

func TestSpendingNeedsTheKit(t *testing.T) {
	t.Setenv(EnvURL, "http://127.0.0.1:1/")
	t.Setenv(EnvKit, "")
	t.Setenv(EnvRequired, "")
	t.Setenv(EnvLog, "")
	if f := run(SpendFailedLogins); !strings.Contains(f.skipped, EnvKit+" is not set") {
		t.Errorf("skipped %q, failed %q", f.skipped, f.failed)
	}
}

// A subtest of a test that holds the lock may not take it again: a spender
// would wait for its own parent for ever.
func TestTheLockIsNotTakenTwiceByOneTestAndItsSubtests(t *testing.T) {
	t.Setenv(EnvURL, "http://127.0.0.1:1/")
	t.Setenv(EnvKit, t.TempDir())
	t.Setenv(EnvLog, "")
	in := &Instance{URL: "http://127.0.0.1:1"}
	parent := &fakeT{name: "TestParent"}
	hold(parent, in, false)
	defer func() {
		for _, c := range parent.cleanups {
			c()
		}
	}()
	if f := runAs("TestParent/sub", Use); !strings.Contains(f.failed, "TestParent holds the real Matomo's lock already") {
		t.Errorf("failed %q (skipped %q), want a refusal naming the parent", f.failed, f.skipped)
	}
	if f := runAs("TestParentless/sub", Use); strings.Contains(f.failed, "holds the real Matomo's lock") {
		t.Errorf("a test of another name was refused: %q", f.failed)
	}
}
