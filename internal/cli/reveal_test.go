package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// revealAllowed are the only functions that may read a token's secret
// out of matomo.Token, or a password out of matomo.Password (Reveal
// outside the matomo package, the unexported value inside it), and why.
var revealAllowed = map[string]string{
	"matomo/client.go: send":                "to remove echoes of the token from answers as they arrive",
	"matomo/verify.go: VerifyWithDataCheck": "to remove echoes of the token from what Verify returns",
	"matomo/datacheck.go: CheckData":        "to remove echoes of the token from what the data check returns",
	"matomo/datacheck.go: dataCheckRequest": "the POST body of the data check",
	"matomo/getcheck.go: CheckGET":          "the URL of the opt-in GET check; and removing its echoes",
	"matomo/report.go: scrub":               "to remove echoes of the token from the diagnostics report",
	"matomo/verify.go: verifyRequest":       "the POST body of the verification request",
	// The password of "create it for me" (matomo.Password) is read out in
	// two places only: the one request's POST body, and the removal of its
	// echoes from the answer.
	"matomo/create.go: createForm":  "the password in the POST body of CreateToken's one request",
	"matomo/create.go: CreateToken": "to remove echoes of the password from what CreateToken returns",
	// The ways out the person asks for on the done screen (ui/tokenout.go)
	// and in the line mode (ui/accessible/tokenout.go); the README's
	// security section and the canary test name the same.
	"ui/tokenout.go: copyTokenToTerminal":          "c: the terminal's clipboard request (OSC 52)",
	"ui/tokenout.go: copyTokenToSystem":            "s: the standard input of the system clipboard's tool, local sessions only",
	"ui/tokenout.go: saveTokenToFile":              "w: a new file the person named, readable by them only",
	"ui/accessible/tokenout.go: copyTokenToSystem": "copy: the standard input of the system clipboard's tool, local sessions only",
	"ui/accessible/tokenout.go: saveTokenToFile":   "save: a new file the person named, readable by them only",
}

// TestTokenIsRevealedOnlyWhereAllowed reads the product's source and fails
// when a new call of Token.Reveal appears: every such call is a new way
// for the secret to leave, and deserves a reviewer's look.
func TestTokenIsRevealedOnlyWhereAllowed(t *testing.T) {
	found := map[string]bool{}
	// The whole module, not only this package: the test lives here, the
	// places it guards are everywhere.
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				secretRead := ok && (sel.Sel.Name == "Reveal" ||
					sel.Sel.Name == "value" && len(call.Args) == 0 && filepath.Base(path) != "token.go" && filepath.Base(path) != "password.go")
				if secretRead {
					rel, _ := filepath.Rel(root, path)
					found[filepath.ToSlash(rel)+": "+fn.Name.Name] = true
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for where := range found {
		got = append(got, where)
		if _, ok := revealAllowed[where]; !ok {
			t.Errorf("%s reads the token's secret out; if that is truly needed, add it to revealAllowed with the reason", where)
		}
	}
	for where := range revealAllowed {
		if !found[where] {
			t.Errorf("%s no longer reveals the token; remove it from revealAllowed", where)
		}
	}
	sort.Strings(got)
	t.Logf("Reveal is called in: %v", got)
}
