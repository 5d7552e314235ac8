package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// TestGermanScreensHaveNoEnglish drives every golden state in German at
// 40 and 100 columns and fails when a screen shows a sentence of the
// catalogue in English: a text rendered without the person's Printer
// (a nil passed where the Printer belongs, a message left to English).
func TestGermanScreensHaveNoEnglish(t *testing.T) {
	english := englishSentences(t)
	used := map[string]bool{}
	for _, size := range []struct{ w, h int }{{40, 24}, {100, 30}} {
		for _, st := range goldenStates {
			t.Run(st.name+"-"+strconv.Itoa(size.w), func(t *testing.T) {
				d := newDriver(t, Config{Client: &fakeClient{}, URL: testURL, Printer: i18n.For("de"), LabelLang: "de"})
				d.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
				st.drive(t, d)
				// The header, the whole body (also what is scrolled out of
				// view), the help bar and, where ? opens it, the full help.
				m := d.m
				screens := []string{ansi.Strip(m.viewHeader()), ansi.Strip(m.viewBody()), ansi.Strip(m.viewFooter())}
				if m.keys.Help.Enabled() {
					d.key("?")
					screens = append(screens, ansi.Strip(m.viewFooter()))
					d.key("?")
				}
				for _, s := range screens {
					text := withoutMatomosWords(flat(s), used)
					for _, en := range english {
						if strings.Contains(text, en) {
							t.Errorf("English %q on the German screen:\n%s", en, s)
						}
					}
					// A sentence of the wizard's own that is not in the
					// catalogue yet: English's commonest words.
					if w := englishWord.FindString(text); w != "" {
						t.Errorf("the English word %q on the German screen:\n%s", strings.TrimSpace(w), s)
					}
				}
			})
		}
	}
	for _, s := range stillEnglish {
		if !used[s] {
			t.Errorf("no German screen shows %q any more: take it off stillEnglish", s)
		}
	}
}

// englishWord finds words that English writes in almost every sentence
// and German never.
var englishWord = regexp.MustCompile(`\b(the|and|your|you|this|with|is|are|not|of|to|for|it)\b`)

// stillEnglish are package matomo's sentences that are not messages yet
// (issue 16, part B converted them all: none is left). They are taken out
// before the screens are searched; once one is German, no screen shows
// it, and the test asks for it to go from this list.
var stillEnglish = []string{}

// quotedWords are words in German quotation marks: someone else's
// (Matomo's own messages, its labels), quoted as they came.
var quotedWords = regexp.MustCompile(`„[^“]*“`)

// withoutMatomosWords is a flat screen without what is Matomo's to say:
// its quoted words, and package matomo's sentences still in English.
func withoutMatomosWords(s string, used map[string]bool) string {
	s = quotedWords.ReplaceAllString(s, "„…“")
	for _, en := range stillEnglish {
		if strings.Contains(s, en) {
			used[en] = true
			s = strings.ReplaceAll(s, en, "…")
		}
	}
	return s
}

// TestEnglishSentencesFound keeps the list above honest: it holds the
// wizard's sentences, and an English screen shows them.
func TestEnglishSentencesFound(t *testing.T) {
	english := englishSentences(t)
	if len(english) < 200 {
		t.Fatalf("only %d English sentences read from the catalogue", len(english))
	}
	d := newDriver(t, Config{Client: &fakeClient{}, URL: testURL})
	found := 0
	for _, en := range english {
		if strings.Contains(flat(ansi.Strip(d.m.viewBody())), en) {
			found++
		}
	}
	if found < 3 {
		t.Errorf("the English welcome screen shows %d of the catalogue's sentences, want several", found)
	}
}

// verb matches a format verb of a message, where its arguments go.
var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// englishSentences reads every message of the catalogue from its source
// and returns the pieces of their English between the arguments that
// German does not share: three words or more, so that a name (Matomo,
// Token) or a short word German writes the same is not among them.
func englishSentences(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "internal", "i18n", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalogue files: %v", err)
	}
	seen := map[string]bool{}
	var out []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if id, ok := lit.Type.(*ast.Ident); !ok || id.Name != "Message" {
				return true
			}
			texts := map[string]string{}
			for _, el := range lit.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if key, ok := kv.Key.(*ast.Ident); ok {
					texts[key.Name] = stringValue(kv.Value)
				}
			}
			german := flat(texts["De"] + " " + texts["DeOne"])
			for _, en := range []string{texts["En"], texts["EnOne"]} {
				for _, piece := range verb.Split(en, -1) {
					piece = strings.Trim(flat(piece), " .,:;()·!✓✗?\"")
					if len(strings.Fields(piece)) < 3 || strings.Contains(german, piece) || seen[piece] {
						continue
					}
					seen[piece] = true
					out = append(out, piece)
				}
			}
			return false
		})
	}
	return out
}

// stringValue is a string literal's value, or that of literals joined by
// +; "" for anything else.
func stringValue(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.BasicLit:
		if s, err := strconv.Unquote(e.Value); err == nil {
			return s
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return stringValue(e.X) + stringValue(e.Y)
		}
	}
	return ""
}

// TestYesIsOneKey: the answer that sends a rejected token again is one
// key in each language, the one the question names: y in English, j in
// German. The other language's key sends nothing, so German is not
// easier to answer by accident than English.
func TestYesIsOneKey(t *testing.T) {
	for _, lang := range []struct {
		printer    *i18n.Printer
		yes, other string
	}{{nil, "y", "j"}, {i18n.For("de"), "j", "y"}} {
		t.Run(lang.yes, func(t *testing.T) {
			d := newDriver(t, Config{Client: &fakeClient{}, URL: testURL, Printer: lang.printer})
			d.client.verify = func(matomo.Token) (*matomo.Result, error) {
				return nil, &matomo.Error{Class: matomo.ClassTokenRejected, Status: 401}
			}
			d.key("enter", "enter", "t")
			d.paste(testToken)
			d.key("enter", "e", "enter")
			if d.m.token.asking == "" || !strings.Contains(flat(d.screen()), lang.yes+" ") {
				t.Fatalf("no question naming %s:\n%s", lang.yes, d.screen())
			}
			d.key(lang.other, "Y", "J")
			if n := d.client.verifies; n != 1 {
				t.Fatalf("%s sent the token again: %d checks", lang.other, n)
			}
			if d.m.token.asking == "" {
				t.Fatalf("%s answered the question", lang.other)
			}
			d.key(lang.yes)
			if n := d.client.verifies; n != 2 {
				t.Errorf("%s: %d checks, want 2", lang.yes, n)
			}
		})
	}
}

// TestEveryKeyHelpInGerman: each key's help in the German key map is not
// its English one (a description written in the binding, not through the
// Printer, would read the same in both); the keys stay the same, but for
// the one yes key (y, j).
func TestEveryKeyHelpInGerman(t *testing.T) {
	en, de := defaultKeyMap(nil), defaultKeyMap(i18n.For("de"))
	enAll, deAll := en.all(), de.all()
	for i, b := range enAll {
		e, g := b.Help(), deAll[i].Help()
		if e.Desc == g.Desc {
			t.Errorf("key %q: %q in both languages", e.Key, e.Desc)
		}
		if e.Key != g.Key && !(e.Key == "y" && g.Key == "j") {
			t.Errorf("key %q is %q in German", e.Key, g.Key)
		}
	}
}
