package i18n

// The line mode's words around package matomo's, when it explains a
// failure.
var (
	// LineProblem: the error's title.
	LineProblem = &Message{
		En: "Problem: %s.",
		De: "Problem: %s.",
	}
	// LineMatomoSaid: Matomo's own message, quoted as it came.
	LineMatomoSaid = &Message{
		En: "Matomo said: \"%s\"",
		De: "Matomo sagte: „%s“",
	}
	// LineWhatToDo: the error's hint.
	LineWhatToDo = &Message{
		En: "What to do: %s",
		De: "Was Sie tun können: %s",
	}
)
