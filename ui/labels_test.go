package ui

import (
	"testing"

	"matomo-onboard/matomo"
)

// TestGuideLabelsFromTheCheck: the labels come with the address check, in
// the configured language, and name the steps; the version question
// switches the steps and stays for the same Matomo.
func TestGuideLabelsFromTheCheck(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{labels: germanLabels}, URL: testURL, LabelLang: "de"})
	d.key("enter", "enter")
	d.wantScreen("step 1 of 8", "Which Matomo version is it?", "Matomo's labels: Deutsch (German), as your Matomo shows them")
	d.client.mu.Lock()
	n := d.client.labelRequests
	d.client.mu.Unlock()
	if n != 1 {
		t.Fatalf("%d labels requests, want 1", n)
	}
	d.key("5", "enter", "enter")
	d.wantScreen("step 3 of 8", "Open Persönlich (Personal) → Sicherheit (Security)")
	d.key("esc", "esc", "esc", "enter") // back to the address, the same one checked again
	d.wantScreen("step 1 of 8", "Matomo 5.0 to 5.3, as you said")
}

// TestGuideTellsTheVersionMatomoSaid: no question where Matomo told it.
func TestGuideTellsTheVersionMatomoSaid(t *testing.T) {
	fc := &fakeClient{preflight: func(a matomo.Address) (*matomo.Preflight, error) {
		return &matomo.Preflight{Address: a, Version: "4.16.1"}, nil
	}}
	d := newDriver(t, Config{Client: fc, URL: testURL})
	d.key("enter", "enter")
	d.wantScreen("step 1 of 7", "Matomo 4.16.1 (it told its version)")
	d.wantNotOnScreen("Which Matomo version is it?", "3/4/5/6")
	d.key("4") // not a key here
	d.wantScreen("step 1 of 7")
}

// TestLeavingTheGuideDropsLabelsInFlight: labels asked for in another
// language are the guide's; going back to the address must not look like
// a check in progress there.
func TestLeavingTheGuideDropsLabelsInFlight(t *testing.T) {
	fc := &fakeClient{labels: germanLabels}
	d := newDriver(t, Config{Client: fc, URL: testURL})
	d.key("enter", "enter", "l")
	d.wantScreen("Language of your Matomo's screens", "› en")
	d.sendOnly(keyPress("down")) // fr
	cmd := d.sendOnly(keyPress("enter"))
	if cmd == nil || !d.m.busy() {
		t.Fatal("choosing French asked nothing")
	}
	d.wantScreen("Asking your Matomo for its labels in Français (French)…")
	d.sendOnly(keyPress("esc"))
	if d.m.busy() {
		t.Fatal("the labels request is still in flight on the address screen")
	}
	d.wantNotOnScreen("Checking")
	d.run(cmd) // its answer arrives late and is dropped
	d.wantNotOnScreen("Asking your Matomo")
}
