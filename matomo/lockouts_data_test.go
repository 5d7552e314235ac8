package matomo

import (
	"bytes"
	"encoding/json"
	flagpkg "flag"
	"fmt"
	"html"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// lockouts.json is written from Matomo's own translations, never typed:
//
//	go test ./matomo -run TestLockoutTextsAreMatomos -lockouts-from=PATH
//
// with PATH a clone of github.com/matomo-org/matomo. It reads
// plugins/Login/lang/*.json at each of lockoutVersions.
var lockoutsFrom = flagpkg.String("lockouts-from", "", "rewrite lockouts.json from the translations in this clone of matomo-org/matomo")

// lockoutVersions are the Matomo versions whose texts are known: the ones
// the README names, and the newest commit read when the file was written.
var lockoutVersions = []string{"4.16.1", "5.0.2", "5.1.2", "f09912cb702a76d06ab1a129a8e0a4e2a61818a8"}

// lockoutKeys are the two messages in Matomo's language files, under
// "Login".
var lockoutKeys = map[string]string{
	"ip":   "LoginNotAllowedBecauseBlocked",
	"user": "LoginNotAllowedBecauseUserLoginBlocked",
}

// TestLockoutTextsAreMatomos: lockouts.json is what Matomo's language files
// say, and its texts are fit to be searched for. With -lockouts-from it is
// written anew; with the real Matomo's sources at hand (the kit's
// REALMATOMO_DIR/src), every text of that Matomo must be in it.
func TestLockoutTextsAreMatomos(t *testing.T) {
	if *lockoutsFrom != "" {
		writeLockouts(t, *lockoutsFrom)
	}
	var texts lockoutTexts
	if err := json.Unmarshal(lockoutsJSON, &texts); err != nil {
		t.Fatalf("lockouts.json: %v", err)
	}
	if !slices.Equal(texts.Versions, lockoutVersions) {
		t.Errorf("lockouts.json holds versions %v, the generator reads %v: write it again", texts.Versions, lockoutVersions)
	}
	for kind, byLang := range map[string]map[string][]string{"ip": texts.IP, "user": texts.User} {
		if len(byLang) < 20 || len(byLang["en"]) == 0 || len(byLang["de"]) == 0 {
			t.Errorf("%s: %d languages (English %q, German %q): not Matomo's translations", kind, len(byLang), byLang["en"], byLang["de"])
		}
		for lang, list := range byLang {
			for _, text := range list {
				phrase := readingForm(firstSentence(text))
				if n := utf8.RuneCountInString(phrase); n < 6 || strings.Contains(text, "%") {
					t.Errorf("%s/%s: %q gives the phrase %q (%d characters): too short, or a placeholder", kind, lang, text, phrase, n)
				}
			}
		}
	}
	if !strings.HasPrefix(texts.IP["en"][0], "Too many failed logins") ||
		!strings.Contains(texts.User["en"][0], "suspicious amount of failed attempts") {
		t.Errorf("English: %q / %q", texts.IP["en"], texts.User["en"])
	}
	checkAgainstRealMatomo(t, texts)
}

// checkAgainstRealMatomo compares lockouts.json with the language files of
// the real Matomo of the test kit, when its sources are at hand.
func checkAgainstRealMatomo(t *testing.T, texts lockoutTexts) {
	dir := os.Getenv("REALMATOMO_DIR")
	if dir == "" {
		dir = "/var/tmp/realmatomo"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "src", "plugins", "Login", "lang", "*.json"))
	if len(files) == 0 {
		t.Logf("the real Matomo's sources are not at %s/src: lockouts.json checked on its own", dir)
		return
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lang := strings.TrimSuffix(filepath.Base(f), ".json")
		for kind, msg := range loginMessages(t, f, b) {
			have := map[string][]string{"ip": texts.IP[lang], "user": texts.User[lang]}[kind]
			if !slices.Contains(have, msg) {
				t.Errorf("%s: the real Matomo says %q, lockouts.json has %q", filepath.Base(f), msg, have)
			}
		}
	}
}

// loginMessages reads the two lock-out messages of one language file.
func loginMessages(t *testing.T, name string, b []byte) map[string]string {
	var file struct {
		Login map[string]string `json:"Login"`
	}
	if err := json.Unmarshal(b, &file); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string]string{}
	for kind, key := range lockoutKeys {
		if msg := file.Login[key]; msg != "" {
			out[kind] = msg
		}
	}
	return out
}

// writeLockouts reads every version's language files from the clone and
// writes lockouts.json.
func writeLockouts(t *testing.T, repo string) {
	texts := lockoutTexts{
		Source: "matomo-org/matomo, plugins/Login/lang/*.json: the messages " +
			ipLockoutKey + " (ip) and " + userLockoutKey + " (user), per language, at each version; " +
			"written by TestLockoutTextsAreMatomos (-lockouts-from), not by hand",
		IP: map[string][]string{}, User: map[string][]string{}, Versions: lockoutVersions,
	}
	for _, version := range lockoutVersions {
		names, err := exec.Command("git", "-C", repo, "ls-tree", "--name-only", version, "plugins/Login/lang/").Output()
		if err != nil {
			t.Fatalf("git ls-tree %s: %v", version, err)
		}
		for _, name := range strings.Fields(string(names)) {
			if !strings.HasSuffix(name, ".json") {
				continue
			}
			b, err := exec.Command("git", "-C", repo, "show", version+":"+name).Output()
			if err != nil {
				t.Fatalf("git show %s:%s: %v", version, name, err)
			}
			lang := strings.TrimSuffix(filepath.Base(name), ".json")
			for kind, msg := range loginMessages(t, name, b) {
				m := map[string]map[string][]string{"ip": texts.IP, "user": texts.User}[kind]
				if !slices.Contains(m[lang], msg) {
					m[lang] = append(m[lang], msg)
				}
			}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(texts); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("lockouts.json", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	lockoutsJSON = buf.Bytes()
	t.Logf("wrote lockouts.json: %d and %d languages", len(texts.IP), len(texts.User))
}

// TestEveryTranslationOfTheLockOutIsBlocked: each of Matomo's texts of
// either lock-out, in any language, is that lock-out as Matomo's JSON
// error (every character beyond ASCII escaped), as a page (entities, a
// tag inside its first word), as plain text wrapped onto two lines, and
// inside a bulk answer.
func TestEveryTranslationOfTheLockOutIsBlocked(t *testing.T) {
	var texts lockoutTexts
	if err := json.Unmarshal(lockoutsJSON, &texts); err != nil {
		t.Fatal(err)
	}
	addr := mustAddress(t, "https://matomo.example.org")
	for kind, byLang := range map[string]map[string][]string{"ip": texts.IP, "user": texts.User} {
		for lang, list := range byLang {
			for _, text := range list {
				asciiJSON, _ := json.Marshal(map[string]string{"result": "error", "message": text})
				asciiJSON = []byte(escapeBeyondASCII(string(asciiJSON)))
				for shape, body := range map[string]string{
					"JSON":         string(asciiJSON),
					"page":         "<html><body><p>" + splitFirstWord(html.EscapeString(text)) + "</p></body></html>",
					"wrapped text": wrapInTwo(text),
					"bulk at 200":  Bulk{SuperUser: string(asciiJSON)}.JSON(),
					"untranslated": map[string]string{"ip": ipLockoutKey, "user": userLockoutKey}[kind],
				} {
					e := failure(answer{status: 500, header: http.Header{}, body: []byte(body)}, addr, true)
					if e.Class != ClassBlocked || e.UserLocked != (kind == "user") {
						t.Errorf("%s/%s as %s: %s (user locked %v): %q", kind, lang, shape, e.Class, e.UserLocked, body)
					}
				}
			}
		}
	}
}

// escapeBeyondASCII writes every character beyond ASCII as a JSON \u
// escape, as PHP's json_encode does by default.
func escapeBeyondASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		for _, u := range utf16.Encode([]rune{r}) {
			fmt.Fprintf(&b, `\u%04x`, u)
		}
	}
	return b.String()
}

// splitFirstWord puts an inline tag after the first character of s.
func splitFirstWord(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n] + "<b></b>" + s[n:]
}

// wrapInTwo breaks s onto two lines in its middle, at a space if there is
// one.
func wrapInTwo(s string) string {
	mid := len(s) / 2
	if i := strings.LastIndexByte(s[:mid], ' '); i > 0 {
		return s[:i] + "\n" + s[i+1:]
	}
	for mid < len(s) && !utf8.RuneStart(s[mid]) {
		mid++
	}
	return s[:mid] + "\n" + s[mid:]
}
