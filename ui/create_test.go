package ui

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// testPassword is the password the tests type; it must never reach the
// screen, and the model must not hold it once sent.
const testPassword = "Pa55word-Zebra-Kiwi"

// createdToken answers CreateToken with a token for any request.
func createdToken(req matomo.CreateRequest) (*matomo.Created, error) {
	tc, err := matomo.ParseToken(testToken)
	if err != nil {
		return nil, err
	}
	return &matomo.Created{Token: tc, Login: req.Login, Description: req.Description, ExpireDate: req.ExpireDate}, nil
}

// toCreate drives a fresh wizard to the create screen.
func toCreate(d *driver) {
	d.key("enter", "enter", "m")
}

// typePassword types the login and the password, as a person does.
func typeLoginAndPassword(d *driver) {
	d.typeText("viewer")
	d.key("enter")
	d.typeText(testPassword)
	d.key("enter")
}

// findSecret looks through v and everything it reaches (unexported fields,
// pointers, slices, maps, interfaces) for a string, rune or byte slice
// that holds secret, and returns the path to the first, or "". skip names
// paths not to enter (the test's own fake client keeps what it was sent).
func findSecret(v reflect.Value, secret, path string, seen map[uintptr]bool, skip map[string]bool) string {
	if skip[path] || !v.IsValid() {
		return ""
	}
	switch v.Kind() {
	case reflect.String:
		if strings.Contains(v.String(), secret) {
			return path
		}
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return ""
		}
		if v.Kind() == reflect.Pointer {
			if seen[v.Pointer()] {
				return ""
			}
			seen[v.Pointer()] = true
		}
		return findSecret(v.Elem(), secret, path, seen, skip)
	case reflect.Struct:
		for i := range v.NumField() {
			if p := findSecret(v.Field(i), secret, path+"."+v.Type().Field(i).Name, seen, skip); p != "" {
				return p
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return ""
		}
		switch v.Type().Elem().Kind() {
		case reflect.Int32: // []rune, as text inputs keep their value
			r := make([]rune, v.Len())
			for i := range r {
				r[i] = rune(v.Index(i).Int())
			}
			if strings.Contains(string(r), secret) {
				return path
			}
			return ""
		case reflect.Uint8:
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			if strings.Contains(string(b), secret) {
				return path
			}
			return ""
		}
		for i := range v.Len() {
			if p := findSecret(v.Index(i), secret, path+"[]", seen, skip); p != "" {
				return p
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if p := findSecret(it.Key(), secret, path+"{key}", seen, skip); p != "" {
				return p
			}
			if p := findSecret(it.Value(), secret, path+"{}", seen, skip); p != "" {
				return p
			}
		}
	}
	return ""
}

// modelHolds returns where the model holds secret, or "".
func modelHolds(m *Model, secret string) string {
	v := reflect.NewAt(reflect.TypeOf(*m), unsafe.Pointer(m)).Elem()
	return findSecret(v, secret, "Model", map[uintptr]bool{}, map[string]bool{"Model.cfg.Client": true})
}

// TestCreateResetsThePasswordAsItIsSent: the masked field is empty and
// nothing in the model holds the password from the moment the request
// starts, and after Matomo's answer.
func TestCreateResetsThePasswordAsItIsSent(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{create: createdToken, verify: func(matomo.Token) (*matomo.Result, error) {
		return viewerResult(mustAddr(t, testURL)), nil
	}}, URL: testURL})
	toCreate(d)
	typeLoginAndPassword(d)
	if p := modelHolds(d.m, testPassword); p != "Model.create.password.value" {
		t.Fatalf("before sending, the password is in %q (want only its field)", p)
	}
	d.wantNotOnScreen(testPassword)
	d.key("enter", "n")              // the description as suggested; no expiry
	cmd := d.sendOnly(keyPress("n")) // no two-factor: this sends
	if d.m.create.password.Value() != "" {
		t.Error("the password field still holds the password while the request runs")
	}
	if p := modelHolds(d.m, testPassword); p != "" {
		t.Errorf("the model holds the password at %s while the request runs", p)
	}
	d.run(cmd)
	if d.client.creates != 1 || d.client.lastCreate.Password.Reveal() != testPassword || d.client.lastCreate.AuthCode != "" {
		t.Fatalf("%d create requests; last %+v", d.client.creates, d.client.lastCreate)
	}
	if p := modelHolds(d.m, testPassword); p != "" {
		t.Errorf("after the answer, the model holds the password at %s", p)
	}
	d.wantScreen("✓ Token verified", `Created for you as "Acona 2026-11-28" (login viewer). It does not expire.`)
	d.wantNotOnScreen(testPassword)
}

// TestCreateAsksTheCodeLastAndLeavesNothingBehindUnsaid: with two-factor
// authentication the code is the last question; a missing code's refusal
// names the token left behind, asks for the password and the code again,
// and the next round's description tells the tokens apart.
func TestCreateAsksTheCodeLastAndLeavesNothingBehindUnsaid(t *testing.T) {
	rounds := 0
	fc := &fakeClient{create: func(req matomo.CreateRequest) (*matomo.Created, error) {
		rounds++
		if req.AuthCode == "" {
			return nil, &matomo.Error{Class: matomo.ClassTwoFactor, TokenLeft: true, Matomo: "Please specify a two-factor authentication code."}
		}
		return createdToken(req)
	}, verify: func(matomo.Token) (*matomo.Result, error) { return viewerResult(mustAddr(t, testURL)), nil }}
	d := newDriver(t, Config{Client: fc, URL: testURL})
	toCreate(d)
	typeLoginAndPassword(d)
	d.key("enter", "n")
	d.wantScreen("Do you use two-factor authentication (a code from an app) for this login?", "y yes: type the code", "n no: create it")
	d.key("n")
	d.wantScreen(`A token named "Acona 2026-11-28" was probably created`, "nobody was shown it: delete it under Administration → Personal → Security",
		"Refused passwords and two-factor codes in this session: 1.", "Your Matomo password")
	if d.m.create.password.Value() != "" || d.m.create.stage != askPassword {
		t.Fatalf("after the refusal: stage %d, password field holds %d characters", d.m.create.stage, len(d.m.create.password.Value()))
	}
	d.typeText(testPassword)
	d.key("enter")
	d.wantScreen("You said yes before.", `Acona 2026-11-28 (2)`)
	d.key("y")
	d.wantScreen("Two-factor code", "enter create the token")
	d.typeText("123 456")
	d.key("enter")
	if rounds != 2 || fc.lastCreate.AuthCode != "123 456" || fc.lastCreate.Description != "Acona 2026-11-28 (2)" {
		t.Fatalf("%d rounds, last %+v", rounds, fc.lastCreate)
	}
	d.wantScreen("✓ Token verified", `Created for you as "Acona 2026-11-28 (2)"`)
	d.key("enter")
	d.wantScreen(`the token created for you, "Acona 2026-11-28 (2)"`,
		`Matomo probably holds a token nobody saw, "Acona 2026-11-28": delete it under Administration → Personal → Security.`)
}

// TestCreateStopsAfterThreeRefusedRounds: each refused round is counted;
// after the third the guide's steps are the way, and m is gone.
func TestCreateStopsAfterThreeRefusedRounds(t *testing.T) {
	fc := &fakeClient{create: func(matomo.CreateRequest) (*matomo.Created, error) {
		return nil, &matomo.Error{Class: matomo.ClassPasswordRejected, Matomo: "The current password you entered is not correct."}
	}}
	d := newDriver(t, Config{Client: fc, URL: testURL})
	toCreate(d)
	typeLoginAndPassword(d)
	d.key("enter", "n", "n")
	d.wantScreen("Matomo did not accept this login and password", "Refused passwords and two-factor codes in this session: 1.")
	for round := 2; round <= 3; round++ {
		d.typeText(testPassword)
		d.key("enter", "n")
	}
	if fc.creates != 3 {
		t.Fatalf("%d rounds sent, want 3", fc.creates)
	}
	d.wantScreen("step 1 of 8", "That was the last try with the password in this session")
	d.wantNotOnScreen("m create it for me")
	if d.m.found.Rejected() != 3 {
		t.Errorf("%d failed logins counted, want 3", d.m.found.Rejected())
	}
}

// TestCreatedTokenKeptWhenItsCheckFails: the check of the created token
// fails with a network error; the token is kept for r, the ways out work,
// and q asks first.
func TestCreatedTokenKeptWhenItsCheckFails(t *testing.T) {
	fail := true
	fc := &fakeClient{create: createdToken, verify: func(matomo.Token) (*matomo.Result, error) {
		if fail {
			return nil, &matomo.Error{Class: matomo.ClassNetwork, Detail: i18n.Verbatim("The connection broke."), Hint: i18n.Verbatim("Try again.")}
		}
		return viewerResult(mustAddr(t, testURL)), nil
	}}
	d := newDriver(t, Config{Client: fc, URL: testURL})
	toCreate(d)
	typeLoginAndPassword(d)
	d.key("enter", "n", "n")
	d.wantScreen(matomo.ClassNetwork.Title().String(), `The token Matomo created for you, "Acona 2026-11-28", is kept`, "r retry", "c copy token", "w save to file")
	d.wantNotOnScreen("e/esc edit token", "u change address")
	d.key("q")
	d.wantScreen("The token is not saved anywhere yet", "Press c or w to copy or save it")
	fail = false
	d.key("r")
	if fc.verifies != 2 || fc.creates != 1 {
		t.Fatalf("%d checks, %d creations: r must check the kept token again", fc.verifies, fc.creates)
	}
	d.wantScreen("✓ Token verified")
}

// TestQuitWhileCreatingNamesTheTokenThatMayBeThere: Ctrl+C while Matomo
// creates the token: the request is cut, but Matomo may have stored the
// token; the end names it.
func TestQuitWhileCreatingNamesTheTokenThatMayBeThere(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{create: createdToken}, URL: testURL})
	toCreate(d)
	typeLoginAndPassword(d)
	d.key("enter", "n")
	d.client.block = true
	d.sendOnly(keyPress("n"))
	d.sendOnly(keyPress("ctrl+c"))
	if o := d.m.Outcome(); len(o.Orphans) != 1 || o.Orphans[0] != "Acona 2026-11-28" || !o.Canceled {
		t.Errorf("outcome %+v", o)
	}
}
