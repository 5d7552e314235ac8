package realmatomo

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo/demomatomo"
)

// TwoFactorCode is a two-factor code of the kit's user twofa that no test
// sent before. Matomo takes each code once (it records every code tried,
// right or wrong), and accepts the codes of the two 30-second windows
// before and after now; tests of several processes share the user, so
// each takes the next window none of them took, never more than one
// window ahead (it waits for the clock when it would be), recorded in a
// file beside the lock files. Send the code at once.
func (in *Instance) TwoFactorCode(t testing.TB) string {
	t.Helper()
	base := stateBase(in)
	release := lockPath(t, base+".twofa.lock")
	defer release()
	state := base + ".twofa-window"
	last := int64(0)
	if b, err := os.ReadFile(state); err == nil {
		last, _ = strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	}
	window := max(time.Now().Unix()/30-1, last+1)
	for window > time.Now().Unix()/30+1 {
		time.Sleep(time.Until(time.Unix((window-1)*30, 0)) + 10*time.Millisecond)
	}
	if err := os.WriteFile(state, []byte(strconv.FormatInt(window, 10)+"\n"), 0o644); err != nil {
		t.Fatalf("the kit's two-factor code: %v", err)
	}
	return demomatomo.TOTP(TwoFactorSecret, time.Unix(window*30, 0))
}

// NewDescription is a token description no other test uses, for tokens a
// test creates: "onboard-test <what> <random>" (the seeded tokens are
// "matomo-onboard test: …"), so that TokensDescribed finds exactly its own
// and the cleanup removes them.
func NewDescription(what string) string {
	return fmt.Sprintf("onboard-test %s %x", what, time.Now().UnixNano()&0xffffffffff)
}

// descriptionRE is what NewDescription makes: nothing an SQL string
// would need escaped.
var descriptionRE = regexp.MustCompile(`^onboard-test [a-z0-9 -]+ [0-9a-f]+$`)

// TokensDescribed is how many tokens of login the real Matomo stores with
// description (one NewDescription made), read from its database, and
// removes them when the test ends (the kit re-seeds its database only when
// it starts). It skips the test without the kit's folder.
func (in *Instance) TokensDescribed(t testing.TB, login, description string) int {
	t.Helper()
	if !descriptionRE.MatchString(description) || !regexp.MustCompile(`^[a-z]+$`).MatchString(login) {
		t.Fatalf("TokensDescribed(%q, %q): not a description NewDescription made", login, description)
	}
	where := fmt.Sprintf("FROM matomo_user_token_auth WHERE login = '%s' AND description = '%s'", login, description)
	out := in.sql(t, "SELECT COUNT(*) "+where)
	t.Cleanup(func() {
		if _, err := in.runSQL("DELETE " + where); err != nil {
			t.Logf("could not remove the test's tokens %q: %v", description, err)
		}
	})
	n, err := strconv.Atoi(strings.TrimSpace(out))
	if err != nil {
		t.Fatalf("counting tokens: %q", out)
	}
	return n
}

func (in *Instance) sql(t testing.TB, query string) string {
	t.Helper()
	if in.kit == "" {
		unavailable(t, EnvKit+" is not set, and this test reads the real Matomo's database; "+howTo)
	}
	out, err := in.runSQL(query)
	if err != nil {
		t.Fatalf("the real Matomo's database: %v", err)
	}
	return out
}

// runSQL runs one statement in the kit's database, as root over its unix
// socket (as unblock.sh does).
func (in *Instance) runSQL(query string) (string, error) {
	dir := os.Getenv("REALMATOMO_DIR")
	if dir == "" {
		dir = "/var/tmp/realmatomo"
	}
	cmd := exec.Command("mariadb", "--defaults-file="+filepath.Join(dir, "conf", "my.cnf"), "-N", "matomo", "-e", query)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
	}
	return string(out), nil
}
