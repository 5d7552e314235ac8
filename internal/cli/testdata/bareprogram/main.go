// Command bareprogram is the yardstick for the wizard's start-up: a bare
// Bubble Tea v2 program that draws one line and quits on any key.
// BenchmarkStartToFirstFrame builds it and starts it in the same
// pseudo-terminal as the wizard.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type model struct{}

func (model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return m, tea.Quit
	}
	return m, nil
}

func (model) View() tea.View { return tea.NewView("A bare Bubble Tea program: one line.") }

func main() {
	if _, err := tea.NewProgram(model{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
