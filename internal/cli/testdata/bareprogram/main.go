// Command bareprogram is the yardstick for the wizard's start-up: a bare
// Bubble Tea v2 program that draws one line and quits on any key.
// BenchmarkStartToFirstFrame builds it and starts it in the same
// pseudo-terminal as the wizard.
//
// Given a file, it shows the file's text instead, on the alternate screen
// as the wizard does: with the welcome screen's golden file, that is the
// cost of drawing a full screen of that text, without the wizard's work.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type model struct {
	text string
	alt  bool
}

func (model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return m, tea.Quit
	}
	return m, nil
}

func (m model) View() tea.View {
	v := tea.NewView(m.text)
	v.AltScreen = m.alt
	return v
}

func main() {
	m := model{text: "A bare Bubble Tea program: one line."}
	if len(os.Args) > 1 {
		b, err := os.ReadFile(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		m = model{text: string(b), alt: true}
	}
	if _, err := tea.NewProgram(m).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
